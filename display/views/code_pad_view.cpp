#include "display/views/rounded_fill.hpp"
#include "display/views/views.hpp"

namespace witryna::display {
namespace {

constexpr std::string_view kCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kFormattedLength = 11;  // "XXXX-XXXX-C"

// The slots still to type, as faint dots ("X" would read as a symbol).
std::string remaining_slots(std::size_t typed) {
  std::string out;
  for (std::size_t i = typed; i < kFormattedLength; ++i)
    out += (i == 4 || i == 9) ? "-" : "·";
  return out;
}

void submit(DrawContext& ctx) {
  const PadSubmission s = ctx.ui.pad.submit();
  if (s.kind == PadSubmit::kCode) ctx.intents.enter_code(s.text);
  if (s.kind == PadSubmit::kScan) ctx.intents.scan(s.text);
}

// A USB keyboard (or a keyboard-wedge scanner) types into the pad whenever no
// text field has the focus.
void read_keyboard(DrawContext& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  for (const ImWchar c : io.InputQueueCharacters) {
    if (c >= 0x20 && c < 0x7F) ctx.ui.pad.type(std::string(1, static_cast<char>(c)));
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) ctx.ui.pad.backspace();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ctx.ui.pad.clear();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
    submit(ctx);
  }
}

void draw_display(DrawContext& ctx, ImVec2 at, float width, float height) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  const CodePad& pad = ctx.ui.pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(at.x + width, at.y + height);
  dl->AddRectFilled(at, end, p.surface_alt, m.radius * 0.7f);
  dl->AddRect(at, end, pad.complete() ? p.success : p.border, m.radius * 0.7f, 0,
              (pad.complete() ? 3.0f : 1.5f) * m.scale);
  if (!pad.looks_like_code()) {
    const ImFont* font = ctx.fonts().bold;
    const std::string shown = pad.display();
    const ImVec2 t = text_size(font, shown);
    text_at(ctx, font, p.text, ImVec2(at.x + m.pad, at.y + (height - t.y) * 0.5f), shown);
    return;
  }
  // Typed symbols in full colour, the slots left faint: the cashier sees how
  // much is left.
  const ImFont* font = ctx.fonts().code;
  const std::string typed = pad.display();
  const std::string rest = remaining_slots(typed.size());
  const ImVec2 full = text_size(font, "0000-0000-0");
  const float scale = std::min(1.0f, (width - m.pad * 2) / full.x);
  const float fs = font->FontSize * scale;
  const float x = at.x + (width - full.x * scale) * 0.5f;
  const float y = at.y + (height - fs) * 0.5f;
  if (ctx.audit != nullptr) ctx.audit->check(font, typed + rest);
  dl->AddText(font, fs, ImVec2(x, y), p.text, typed.c_str());
  const float typed_w = font->CalcTextSizeA(fs, FLT_MAX, 0, typed.c_str()).x;
  dl->AddText(font, fs, ImVec2(x + typed_w, y), mix(p.surface_alt, p.muted, 0.45f), rest.c_str());
}

}  // namespace

// The checkout code pad: formats as you type (XXXX-XXXX-C), accepts a USB
// keyboard, and sends code.enter (or scan, for scanner input) on Enter.
void draw_code_pad(DrawContext& ctx, const Rect& r) {
  const auto& p = ctx.pal();
  const auto& m = ctx.m();
  read_keyboard(ctx);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  fill_rounded(dl, r.min, r.max, p.surface, m.radius);
  const float pad = m.pad;
  const float w = r.width() - pad * 2;
  ImGui::SetCursorScreenPos(ImVec2(r.min.x + pad, r.min.y + pad));
  ImGui::BeginGroup();
  text(ctx, ctx.fonts().title, p.text, ctx.t(Text::kCodePadTitle), w);
  text(ctx, ctx.fonts().small, p.muted, ctx.t(Text::kCodePadHint), w);
  ImGui::EndGroup();

  float y = ImGui::GetItemRectMax().y + m.gap * 0.6f;
  const float display_h = ctx.fonts().code->FontSize + pad * 1.2f;
  draw_display(ctx, ImVec2(r.min.x + pad, y), w, display_h);
  y += display_h + m.gap * 0.8f;

  // 32 symbol keys in 8 columns, then ← / Clear / Check.
  constexpr int kCols = 8;
  constexpr int kRows = 4;
  const float key_gap = m.gap * 0.4f;
  const float action_h = std::min(m.touch, (r.max.y - pad - y) * 0.2f);
  const float key_w = (w - key_gap * (kCols - 1)) / kCols;
  const float grid_h = r.max.y - pad - y - action_h - key_gap * 2;
  const float key_h = std::min(m.touch * 0.9f, (grid_h - key_gap * (kRows - 1)) / kRows);
  for (std::size_t i = 0; i < kCodeAlphabet.size(); ++i) {
    const int row = static_cast<int>(i) / kCols;
    const int col = static_cast<int>(i) % kCols;
    ImGui::SetCursorScreenPos(ImVec2(r.min.x + pad + (key_w + key_gap) * static_cast<float>(col),
                                     y + (key_h + key_gap) * static_cast<float>(row)));
    const std::string key(1, kCodeAlphabet[i]);
    if (button(ctx, ("key-" + key).c_str(), key, ButtonKind::kOutline, ImVec2(key_w, key_h),
               ctx.fonts().title)) {
      ctx.ui.pad.type(key);
    }
  }
  const float ay = y + (key_h + key_gap) * kRows + key_gap;
  const float back_w = key_w * 1.5f;
  const float clear_w = (w - back_w - key_gap * 2) * 0.38f;
  const float check_w = w - back_w - clear_w - key_gap * 2;
  float x = r.min.x + pad;
  ImGui::SetCursorScreenPos(ImVec2(x, ay));
  if (button(ctx, "backspace", "←", ButtonKind::kQuiet, ImVec2(back_w, action_h))) {
    ctx.ui.pad.backspace();
  }
  x += back_w + key_gap;
  ImGui::SetCursorScreenPos(ImVec2(x, ay));
  if (button(ctx, "clear", ctx.t(Text::kClear), ButtonKind::kQuiet, ImVec2(clear_w, action_h),
             ctx.fonts().bold)) {
    ctx.ui.pad.clear();
  }
  x += clear_w + key_gap;
  ImGui::SetCursorScreenPos(ImVec2(x, ay));
  const bool ready =
      ctx.ui.pad.complete() || (!ctx.ui.pad.empty() && !ctx.ui.pad.looks_like_code());
  if (button(ctx, "check", ctx.t(Text::kCheckCode), ButtonKind::kPrimary, ImVec2(check_w, action_h),
             ctx.fonts().bold, ready)) {
    submit(ctx);
  }
}

}  // namespace witryna::display
