#include "tools/datagen/generator.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "edge/core/codes/ean13.hpp"
#include "tools/datagen/world.hpp"

namespace witryna::datagen {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// One output file, written through a large buffer. Write errors are sticky
// and reported by close().
class LineWriter {
 public:
  [[nodiscard]] static Result<LineWriter> open(const std::filesystem::path& path) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
    if (!file) {
      return fail(std::string(errc::kIo),
                  "cannot create " + path.string() + ": " + std::strerror(errno));
    }
    std::setvbuf(file.get(), nullptr, _IOFBF, 1 << 20);
    return LineWriter(std::move(file), path);
  }

  void line(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), file_.get());
    std::fputc('\n', file_.get());
    ++lines_;
  }
  void item(const Json& j) { line(j.dump(-1, ' ', false, Json::error_handler_t::strict)); }

  [[nodiscard]] Result<std::size_t> close() {
    const bool failed = std::fflush(file_.get()) != 0 || std::ferror(file_.get()) != 0;
    const int error = errno;
    const bool close_failed = std::fclose(file_.release()) != 0;
    if (failed || close_failed) {
      return fail(std::string(errc::kIo),
                  "cannot write " + path_.string() + ": " + std::strerror(error));
    }
    return lines_;
  }

 private:
  LineWriter(std::unique_ptr<std::FILE, FileCloser> file, std::filesystem::path path)
      : file_(std::move(file)), path_(std::move(path)) {}

  std::unique_ptr<std::FILE, FileCloser> file_;
  std::filesystem::path path_;
  std::size_t lines_ = 0;
};

// Opens `name`, lets `fill` write its lines, closes it and counts them.
template <typename Fill>
Result<void> write_file(const Options& options, Summary& summary, const std::string& name,
                        Fill fill) {
  auto writer = LineWriter::open(options.out_dir / name);
  if (!writer) return tl::make_unexpected(writer.error());
  fill(*writer);
  auto lines = writer->close();
  if (!lines) return tl::make_unexpected(lines.error());
  summary.lines[name] = *lines;
  return {};
}

Result<void> check(const Options& o) {
  const auto invalid = [](std::string message) {
    return fail(std::string(errc::kInvalidValue), std::move(message));
  };
  if (o.products < 1) return invalid("--products must be at least 1");
  if (o.customers < 2) return invalid("--customers must be at least 2 (the demo needs two)");
  if (o.out_dir.empty()) return invalid("--out is required");
  if (find_store(o.store) == nullptr) {
    std::string known;
    for (const auto& s : stores())
      known += (known.empty() ? "" : ", ") + std::string(s.id);
    return invalid("--store " + o.store + " is not a store of the brand; stores: " + known);
  }
  if (o.nearby_stores >= stores().size()) {
    return invalid("--nearby-stores must be below " + std::to_string(stores().size()));
  }
  return {};
}

World make_world(const Options& o, const Catalog& catalog) {
  World w;
  w.seed = o.seed;
  w.now = o.now;
  w.store = o.store;
  w.catalog = &catalog;
  w.customers = o.customers;
  // C-000123 matches codes.md's examples (card 2900000123458, the JWS `sub`).
  w.demo_full_consent = o.customers >= 124 ? 123 : 1;
  w.demo_no_personalization = o.customers >= 124 ? 124 : 2;
  w.demo_sku = 0;
  const std::size_t scan = std::min<std::size_t>(catalog.size(), 100000);
  for (std::size_t j = 0; j < scan; ++j) {
    if (catalog.category(j).name == "dresses" && catalog.sku(j).find("-M-") != std::string::npos) {
      w.demo_sku = j;
      break;
    }
  }
  const StoreInfo* here = find_store(o.store);
  std::vector<NearbyStore> others;
  for (const auto& s : stores()) {
    if (s.id != here->id) others.push_back({&s, distance_m(*here, s)});
  }
  std::stable_sort(others.begin(), others.end(), [](const NearbyStore& a, const NearbyStore& b) {
    return a.distance_m < b.distance_m;
  });
  others.resize(o.nearby_stores);
  w.nearby = std::move(others);
  return w;
}

Json product_summary(const World& w, std::size_t index) {
  const Variant v = w.catalog->variant(index);
  return {{"sku", v.sku},     {"name", v.name},         {"size", v.size},
          {"color", v.color}, {"category", v.category}, {"price_minor", v.price_minor}};
}

Json demo_document(const Options& o, const World& w, const std::vector<GeneratedCode>& codes) {
  Json demo;
  demo["seed"] = o.seed;
  demo["now"] = format_rfc3339(o.now);
  demo["store"] = o.store;
  demo["store_name"] = std::string(find_store(o.store)->name);
  Json nearby = Json::array();
  for (const auto& s : w.nearby) {
    nearby.push_back({{"store", std::string(s.info->id)},
                      {"name", std::string(s.info->name)},
                      {"distance_m", s.distance_m}});
  }
  demo["nearby_stores"] = std::move(nearby);

  demo["customer_full_consent"] = {
      {"customer", customer_id(w.demo_full_consent)},
      {"card", kDemoCard},
      {"note", "every consent given: personal offers, name on screen, history for staff"}};
  demo["customer_no_personalization"] = {{"customer", customer_id(w.demo_no_personalization)},
                                         {"card", cards_of(w, w.demo_no_personalization).front()},
                                         {"note", "personalization refused: generic offers only"}};
  demo["unknown_card"] = unknown_card();
  demo["invalid_check_digit_card"] = "2900000123451";
  demo["product_ean"] = std::string("590123412345") + core::ean13_check_digit("590123412345");

  demo["product_in_stock"] = product_summary(w, w.demo_sku);
  const std::size_t scan = std::min<std::size_t>(w.catalog->size(), 100000);
  for (std::size_t j = 0; j < scan; ++j) {
    const std::size_t sibling = w.catalog->sibling(j);
    if (stock_of(w, j).available() != 0 || sibling == j || stock_of(w, sibling).available() == 0) {
      continue;
    }
    Json out = product_summary(w, j);
    out["alternative_in_stock"] = w.catalog->sku(sibling);
    Json in_nearby = Json::array();
    for (std::size_t s = 0; s < w.nearby.size(); ++s) {
      if (nearby_level(w, j, s) != "out") in_nearby.push_back(std::string(w.nearby[s].info->id));
    }
    out["nearby_with_stock"] = std::move(in_nearby);
    demo["product_out_of_stock"] = std::move(out);
    break;
  }

  const auto find_code = [&](auto predicate) -> Json {
    for (const auto& c : codes) {
      if (predicate(c)) return c.display;
    }
    return nullptr;
  };
  demo["code_valid_store"] = find_code(
      [](const GeneratedCode& c) { return c.status == "valid" && c.item["scope"] == "store"; });
  demo["code_expired"] = find_code([](const GeneratedCode& c) { return c.status == "expired"; });
  demo["code_valid_brand"] = find_code([](const GeneratedCode& c) {
    return c.status == "valid" && c.item["scope"] == "brand" &&
           c.item["benefit"]["type"] == "amount" && c.item["benefit"]["value"] <= 5000;
  });
  demo["code_brand_above_offline_limit"] = find_code([](const GeneratedCode& c) {
    return c.status == "valid" && c.item["scope"] == "brand" &&
           c.item["benefit"]["type"] == "amount" && c.item["benefit"]["value"] > 5000;
  });
  if (!codes.empty()) {
    // The first code with its check symbol changed: `invalid_check`.
    std::string wrong = codes.front().display;
    wrong.back() = wrong.back() == 'K' ? 'M' : 'K';
    demo["code_invalid_check"] = wrong;
  }
  demo["code_unknown"] = "0000-0000-0";

  if (o.reservations >= 1) {
    demo["reservation_ready"] = {{"reservation", reservation_id(1)},
                                 {"customer", customer_id(w.demo_full_consent)},
                                 {"card", kDemoCard},
                                 {"sku", w.catalog->sku(w.demo_sku)},
                                 {"fitting_room", "3"},
                                 {"discount", {{"type", "percent"}, {"value", 10}}}};
  }
  return demo;
}

}  // namespace

Result<Summary> generate(const Options& o) {
  if (auto ok = check(o); !ok) return tl::make_unexpected(ok.error());
  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  if (ec) {
    return fail(std::string(errc::kIo),
                "cannot create " + o.out_dir.string() + ": " + ec.message());
  }
  const Catalog catalog(o.seed, o.products);
  const World w = make_world(o, catalog);
  Summary summary;

  auto done = write_file(o, summary, "catalog.jsonl", [&](LineWriter& out) {
    for (std::size_t j = 0; j < catalog.size(); ++j)
      out.item(catalog.product_item(j));
    for (std::size_t k = 1; k <= o.offers; ++k)
      out.item(offer_item(w, k));
  });
  if (done) {
    done = write_file(o, summary, "stock.jsonl", [&](LineWriter& out) {
      for (std::size_t j = 0; j < catalog.size(); ++j)
        out.item(stock_item(w, j));
    });
  }
  if (done) {
    done = write_file(o, summary, "profiles.jsonl", [&](LineWriter& out) {
      for (std::size_t i = 1; i <= o.customers; ++i)
        out.item(profile_item(w, i));
    });
  }
  if (done) {
    done = write_file(o, summary, "reservations.jsonl", [&](LineWriter& out) {
      for (std::size_t r = 1; r <= o.reservations; ++r)
        out.item(reservation_item(w, r));
    });
  }
  // The demo document needs a few codes only: keep the first ones.
  constexpr std::size_t kKeptCodes = 64;
  std::vector<GeneratedCode> codes;
  if (done) {
    auto clear = LineWriter::open(o.out_dir / "codes.clear.txt");
    if (!clear) return tl::make_unexpected(clear.error());
    clear->line("# DEMO ONLY: app codes in clear, for typing at a till. A store never receives");
    clear->line("# codes in clear (codes.jsonl holds only their sha256). Do not ship this file.");
    clear->line("# code\tscope\tstatus\tbenefit\tvalid_to\tcode_hash");
    done = write_file(o, summary, "codes.jsonl", [&](LineWriter& out) {
      for (std::size_t k = 1; k <= o.codes; ++k) {
        GeneratedCode code = code_item(w, k);
        out.item(code.item);
        const Json& b = code.item["benefit"];
        std::string benefit =
            b["type"].get<std::string>() + ":" + std::to_string(b["value"].get<int>());
        if (b.contains("currency")) benefit += " " + b["currency"].get<std::string>();
        clear->line(code.display + "\t" + code.item["scope"].get<std::string>() + "\t" +
                    code.status + "\t" + benefit + "\t" + code.item["valid_to"].get<std::string>() +
                    "\t" + code.item["code_hash"].get<std::string>());
        if (codes.size() < kKeptCodes) codes.push_back(std::move(code));
      }
    });
    auto clear_lines = clear->close();
    if (done && !clear_lines) done = tl::make_unexpected(clear_lines.error());
    if (done) summary.lines["codes.clear.txt"] = *clear_lines - 3;
  }
  if (done) {
    done = write_file(o, summary, "nearby.jsonl", [&](LineWriter& out) {
      for (std::size_t j = 0; j < catalog.size(); ++j) {
        for (std::size_t s = 0; s < w.nearby.size(); ++s)
          out.item(nearby_item(w, j, s));
      }
    });
  }
  if (done) {
    done = write_file(o, summary, "demo.json",
                      [&](LineWriter& out) { out.line(demo_document(o, w, codes).dump(2)); });
  }
  if (!done) return tl::make_unexpected(done.error());
  return summary;
}

}  // namespace witryna::datagen
