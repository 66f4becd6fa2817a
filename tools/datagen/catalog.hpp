#pragma once
// The generated product range: models (a name, a category, a price, some
// sizes and colours) expanded into sku variants. Only a compact index of the
// models is kept (a few bytes each); any variant is rebuilt on demand.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tools/datagen/brand_data.hpp"

namespace witryna::datagen {

using Json = nlohmann::ordered_json;

struct Variant {
  std::string sku;  // "DRS-0042-M-RED"
  std::string product;
  std::string name;
  std::string size;
  std::string color;
  std::string category;
  std::int64_t price_minor = 0;
  std::vector<std::string> alternatives;  // other sizes (same colour), other colours (same size)
  std::int64_t ver = 1;
};

class Catalog {
 public:
  // Exactly `variants` skus (≥ 1), the same for the same seed.
  Catalog(std::uint64_t seed, std::size_t variants);

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] Variant variant(std::size_t index) const;
  [[nodiscard]] std::string sku(std::size_t index) const;
  [[nodiscard]] const CategoryInfo& category(std::size_t index) const;
  // The index of a variant of the same model in another size or colour
  // (index itself when the model has a single variant).
  [[nodiscard]] std::size_t sibling(std::size_t index) const;

  // The `catalog` stream item (mqtt.md) of a variant.
  [[nodiscard]] Json product_item(std::size_t index) const;

 private:
  struct Model {
    std::uint32_t first = 0;  // index of its first variant
    std::uint16_t count = 0;  // variants (may be cut short for the last model)
    std::uint8_t category = 0;
    std::uint8_t size_from = 0;
    std::uint8_t size_count = 0;
    std::uint8_t color_count = 0;
    std::uint8_t colors[3] = {0, 0, 0};
  };

  [[nodiscard]] std::size_t model_of(std::size_t index) const;
  [[nodiscard]] std::string sku_of(std::size_t model, std::size_t variant) const;
  [[nodiscard]] std::string_view size_name(const Model& m, std::size_t size) const;

  std::uint64_t seed_;
  std::size_t size_;
  std::vector<Model> models_;
};

}  // namespace witryna::datagen
