#include "edge/core/view/view_text.hpp"

#include <nlohmann/json.hpp>
#include <vector>

namespace witryna::core {

namespace {

// Writes JSON values in order; members must come in the order nlohmann's
// std::map keeps them (byte order of the keys), as each writer below does.
class Writer {
 public:
  // `in_object`: `out` already holds an object's '{' (and maybe members):
  // the members written next belong to it.
  Writer(std::string& out, bool in_object) : out_(out) {
    if (in_object) first_.push_back(true);
  }

  Writer& begin_object() { return open('{'); }
  Writer& end_object() { return close('}'); }
  Writer& begin_array() { return open('['); }
  Writer& end_array() { return close(']'); }

  Writer& key(std::string_view k) {
    separate();
    out_ += '"';
    out_ += k;  // the keys below are plain ASCII
    out_ += "\":";
    after_key_ = true;
    return *this;
  }
  Writer& str(std::string_view s) {
    value();
    append_json_string(out_, s);
    return *this;
  }
  Writer& num(std::int64_t n) {
    value();
    out_ += std::to_string(n);
    return *this;
  }
  Writer& boolean(bool b) {
    value();
    out_ += b ? "true" : "false";
    return *this;
  }
  Writer& null() {
    value();
    out_ += "null";
    return *this;
  }
  Writer& strings(const std::vector<std::string>& list) {
    begin_array();
    for (const auto& s : list)
      str(s);
    return end_array();
  }

 private:
  Writer& open(char c) {
    value();
    out_ += c;
    first_.push_back(true);
    return *this;
  }
  Writer& close(char c) {
    out_ += c;
    first_.pop_back();
    return *this;
  }
  void separate() {
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  void value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    separate();
  }

  std::string& out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

void write_benefit(Writer& w, const domain::Benefit& b) {
  w.begin_object();
  if (b.currency) w.key("currency").str(*b.currency);
  w.key("type").str(domain::to_string(b.type));
  w.key("value").num(b.value);
  w.end_object();
}

void write_stock(Writer& w, const StockState& s) {
  w.begin_object().key("available").num(s.available).key("level").str(to_string(s.level));
  w.end_object();
}

void write_offer(Writer& w, const ShownOffer& o) {
  w.begin_object();
  w.key("alternative");
  if (o.alternative) {
    const auto& a = *o.alternative;
    w.begin_object().key("color").str(a.color).key("name").str(a.name).key("size").str(a.size);
    w.key("sku").str(a.sku).key("stock");
    write_stock(w, a.stock);
    w.end_object();
  } else {
    w.null();
  }
  w.key("benefit");
  write_benefit(w, o.benefit);
  w.key("body").str(o.body);
  w.key("nearby").begin_array();
  for (const auto& n : o.nearby) {
    w.begin_object().key("as_of").str(format_rfc3339(n.as_of));
    w.key("distance_m").num(n.distance_m).key("level").str(domain::to_string(n.level));
    w.key("name").str(n.name).key("stale").boolean(n.stale).key("store").str(n.store);
    w.end_object();
  }
  w.end_array();
  w.key("offer").str(o.offer);
  if (o.product) {
    const auto& p = *o.product;
    w.key("product").begin_object().key("color").str(p.color).key("currency").str(p.currency);
    w.key("name").str(p.name).key("price_minor").num(p.price_minor).key("size").str(p.size);
    w.end_object();
  }
  w.key("reasons").strings(o.reasons);
  w.key("sku");
  if (o.sku) {
    w.str(*o.sku);
  } else {
    w.null();
  }
  w.key("stock");
  if (o.stock) {
    write_stock(w, *o.stock);
  } else {
    w.null();
  }
  w.key("title").str(o.title);
  w.end_object();
}

void write_customer(Writer& w, const CustomerOnScreen& c) {
  const auto& p = c.profile;
  w.begin_object();
  w.key("consents").begin_object();
  w.key("display_name").boolean(p.consents.display_name);
  w.key("history_for_staff").boolean(p.consents.history_for_staff);
  w.key("marketing").boolean(p.consents.marketing);
  w.key("personalization").boolean(p.consents.personalization);
  w.end_object();
  w.key("display_name");
  if (p.consents.display_name && !p.name.empty()) {
    w.str(p.name);
  } else {
    w.null();
  }
  w.key("id").str(p.customer);
  w.key("pending_points").num(c.pending_points);
  w.key("personalized").boolean(c.personalized);
  w.key("points").num(p.points.balance + c.pending_points);
  w.key("preferences").begin_object().key("budget_minor");
  if (p.preferences.budget_minor) {
    w.num(*p.preferences.budget_minor);
  } else {
    w.null();
  }
  w.key("categories").strings(p.preferences.categories);
  w.key("sizes").strings(p.preferences.sizes);
  w.end_object();
  w.key("tier").str(p.tier);
  w.end_object();
}

void write_reservation(Writer& w, const ReservationOnScreen& r) {
  const auto& res = r.reservation;
  w.begin_object().key("discount");
  if (res.discount) {
    write_benefit(w, *res.discount);
  } else {
    w.null();
  }
  w.key("fitting_room").str(res.fitting_room);
  w.key("hold_until").str(format_rfc3339(res.hold_until));
  w.key("name").str(r.name).key("qty").num(res.qty).key("reservation").str(res.reservation);
  w.key("size").str(r.size).key("sku").str(res.sku).key("status").str(
      domain::to_string(res.status));
  w.end_object();
}

void write_code(Writer& w, const CodeOnScreen& c) {
  w.begin_object().key("benefit");
  if (c.benefit) {
    write_benefit(w, *c.benefit);
  } else {
    w.null();
  }
  w.key("customer");
  if (c.customer) {
    w.str(*c.customer);
  } else {
    w.null();
  }
  w.key("redeemed").boolean(c.redeemed).key("status").str(c.status).key("ticket").str(c.ticket);
  w.end_object();
}

bool plain(unsigned char c) {
  return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  for (const char c : s) {
    if (!plain(static_cast<unsigned char>(c))) {
      // Escapes and UTF-8 (valid or not): exactly as nlohmann prints them.
      out += nlohmann::json(std::string(s))
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
  }
  out += '"';
  out += s;
  out += '"';
}

ViewText view_text(const ViewState& state) {
  ViewText text;
  text.head.reserve(4096);
  {
    text.head += "{\"view\":{";
    Writer w(text.head, true);
    w.key("code");
    if (state.code) {
      write_code(w, *state.code);
    } else {
      w.null();
    }
    w.key("customer");
    if (state.customer) {
      write_customer(w, *state.customer);
    } else {
      w.null();
    }
    w.key("history");
    if (state.history && state.customer && state.customer->profile.consents.history_for_staff) {
      w.begin_array();
      for (const auto& h : *state.history) {
        w.begin_object().key("at").str(format_rfc3339(h.at)).key("channel").str(h.channel);
        w.key("note").str(h.note).end_object();
      }
      w.end_array();
    } else {
      w.null();
    }
    w.key("message");
    if (state.message) {
      w.begin_object().key("code").str(state.message->code);
      w.key("detail").str(state.message->detail).end_object();
    } else {
      w.null();
    }
    w.key("mode").str(to_string(state.mode));
    w.key("offers").begin_array();
    for (const auto& o : state.offers)
      write_offer(w, o);
    w.end_array();
    w.key("reservations").begin_array();
    for (const auto& r : state.reservations)
      write_reservation(w, r);
    w.end_array();
  }
  text.head += ',';
  Writer w(text.rest, true);
  w.key("status").begin_object().key("last_sync");
  if (state.status.last_sync) {
    w.str(format_rfc3339(*state.status.last_sync));
  } else {
    w.null();
  }
  w.key("online").boolean(state.status.online).key("outbox").num(state.status.outbox);
  w.key("version").str(state.status.version).end_object();
  text.rest += "}}";
  return text;
}

std::string view_line_text(const ViewText& text, std::string_view screen, std::int64_t rev) {
  std::string line;
  line.reserve(text.head.size() + text.rest.size() + screen.size() + 32);
  line += text.head;
  line += "\"rev\":";
  line += std::to_string(rev);
  line += ",\"screen\":";
  append_json_string(line, screen);
  line += ',';
  line += text.rest;
  return line;
}

}  // namespace witryna::core
