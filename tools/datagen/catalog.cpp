#include "tools/datagen/catalog.hpp"

#include <algorithm>
#include <cassert>
#include <string>

#include "tools/datagen/rng.hpp"

namespace witryna::datagen {

namespace {

std::span<const std::string_view> sizes_of(SizeKind kind) {
  static constexpr std::array<std::string_view, 1> kOne = {"ONE"};
  switch (kind) {
    case SizeKind::kApparel:
      return apparel_sizes();
    case SizeKind::kShoes:
      return shoe_sizes();
    case SizeKind::kOneSize:
      return kOne;
  }
  return kOne;
}

std::string model_code(const CategoryInfo& category, std::size_t model) {
  std::string number = std::to_string(model + 1);
  if (number.size() < 4) number.insert(0, 4 - number.size(), '0');
  return std::string(category.code) + "-" + number;
}

}  // namespace

Catalog::Catalog(std::uint64_t seed, std::size_t variants) : seed_(seed), size_(variants) {
  assert(variants >= 1);
  const auto cats = categories();
  std::vector<int> weights;
  for (const auto& c : cats)
    weights.push_back(c.weight);
  std::size_t made = 0;
  for (std::size_t m = 0; made < variants; ++m) {
    Rng rng = Rng::of(seed, kind::kModel, m);
    Model model;
    model.first = static_cast<std::uint32_t>(made);
    model.category = static_cast<std::uint8_t>(rng.weighted(weights));
    const auto kind = cats[model.category].sizes;
    const auto all_sizes = sizes_of(kind).size();
    std::size_t size_count = 1;
    if (kind == SizeKind::kApparel) size_count = static_cast<std::size_t>(rng.between(3, 5));
    if (kind == SizeKind::kShoes) size_count = static_cast<std::size_t>(rng.between(5, 8));
    model.size_count = static_cast<std::uint8_t>(size_count);
    model.size_from = static_cast<std::uint8_t>(rng.below(all_sizes - size_count + 1));
    const std::array<int, 3> color_weights = {40, 40, 20};
    model.color_count = static_cast<std::uint8_t>(rng.weighted(color_weights) + 1);
    for (std::size_t c = 0; c < model.color_count;) {
      const auto pick = static_cast<std::uint8_t>(rng.below(colors().size()));
      if (std::find(model.colors, model.colors + c, pick) != model.colors + c) continue;
      model.colors[c++] = pick;
    }
    const std::size_t full = size_count * model.color_count;
    model.count = static_cast<std::uint16_t>(std::min(full, variants - made));
    made += model.count;
    models_.push_back(model);
  }
}

std::size_t Catalog::model_of(std::size_t index) const {
  assert(index < size_);
  const auto it =
      std::upper_bound(models_.begin(), models_.end(), index,
                       [](std::size_t value, const Model& model) { return value < model.first; });
  return static_cast<std::size_t>(it - models_.begin()) - 1;
}

std::string_view Catalog::size_name(const Model& m, std::size_t size) const {
  return sizes_of(categories()[m.category].sizes)[m.size_from + size];
}

std::string Catalog::sku_of(std::size_t model, std::size_t variant) const {
  const Model& m = models_[model];
  const std::size_t size = variant / m.color_count;
  const std::size_t color = variant % m.color_count;
  return model_code(categories()[m.category], model) + "-" + std::string(size_name(m, size)) + "-" +
         std::string(colors()[m.colors[color]].code);
}

std::string Catalog::sku(std::size_t index) const {
  const std::size_t model = model_of(index);
  return sku_of(model, index - models_[model].first);
}

const CategoryInfo& Catalog::category(std::size_t index) const {
  return categories()[models_[model_of(index)].category];
}

std::size_t Catalog::sibling(std::size_t index) const {
  const Model& m = models_[model_of(index)];
  if (m.count <= 1) return index;
  const std::size_t v = index - m.first;
  return m.first + (v + 1) % m.count;
}

Variant Catalog::variant(std::size_t index) const {
  const std::size_t model_index = model_of(index);
  const Model& m = models_[model_index];
  const CategoryInfo& category = categories()[m.category];
  const std::size_t v = index - m.first;
  const std::size_t size = v / m.color_count;
  const std::size_t color = v % m.color_count;

  // Same draws as the constructor made, then the model's own details.
  Rng rng = Rng::of(seed_, kind::kModel, model_index + 0x5EED0000ULL);
  Variant out;
  out.sku = sku_of(model_index, v);
  out.product = model_code(category, model_index);
  out.name = std::string(rng.pick(category.names)) + " " + std::string(rng.pick(collections()));
  out.size = std::string(size_name(m, size));
  out.color = std::string(colors()[m.colors[color]].name);
  out.category = std::string(category.name);
  const std::int64_t lo = (category.price_lo_pln + 9) / 10;
  const std::int64_t hi = category.price_hi_pln / 10;
  out.price_minor = rng.between(lo, hi) * 10 * 100 - 1;  // 249.99
  out.ver = Rng::of(seed_, kind::kProductVer, index).between(1, 20);

  // Nearest sizes in the same colour, then the same size in other colours.
  const auto add = [&](std::size_t s, std::size_t c) {
    const std::size_t other = s * m.color_count + c;
    if (other < m.count && other != v && out.alternatives.size() < 4) {
      out.alternatives.push_back(sku_of(model_index, other));
    }
  };
  if (size > 0) add(size - 1, color);
  if (size + 1 < m.size_count) add(size + 1, color);
  for (std::size_t c = 0; c < m.color_count; ++c) {
    if (c != color) add(size, c);
  }
  return out;
}

Json Catalog::product_item(std::size_t index) const {
  Variant v = variant(index);
  Json item;
  item["kind"] = "product";
  item["sku"] = std::move(v.sku);
  item["product"] = std::move(v.product);
  item["name"] = std::move(v.name);
  item["size"] = std::move(v.size);
  item["color"] = std::move(v.color);
  item["category"] = std::move(v.category);
  item["price_minor"] = v.price_minor;
  item["currency"] = "PLN";
  item["alternatives"] = std::move(v.alternatives);
  item["ver"] = v.ver;
  return item;
}

}  // namespace witryna::datagen
