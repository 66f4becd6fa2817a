// A witryna-datagen brand loaded into the store by the importer, and served.
#include <gtest/gtest.h>

#include <fstream>

#include "edge/store/entities.hpp"
#include "edge/store/store.hpp"
#include "tests/app/app_world.hpp"
#include "tools/datagen/generator.hpp"
#include "tools/import/importer.hpp"

namespace witryna::app::test {
namespace import_test {
namespace {

TEST(ImportTest, DatagenBrandImportsOnceAndIsIdempotent) {
  witryna::test::TempDir dir;
  datagen::Options o;
  o.products = 40;
  o.offers = 6;
  o.customers = 20;
  o.reservations = 4;
  o.codes = 6;
  o.now = now_ms();
  o.out_dir = dir / "brand";
  must(datagen::generate(o), "datagen");

  auto db = must(store::open_store(dir / "edge.db"), "open_store");
  auto first = must(tools::import::import_folder(db, dir / "brand", now_ms()), "import");
  ASSERT_EQ(first.files.size(), 6u);
  for (const auto& [stream, c] : first.files) {
    EXPECT_GT(c.lines, 0u) << stream;
    EXPECT_EQ(c.rejected, 0) << stream;
    EXPECT_EQ(c.applied, static_cast<std::int64_t>(c.lines)) << stream;
  }
  auto again = must(tools::import::import_folder(db, dir / "brand", now_ms()), "import again");
  for (const auto& [stream, c] : again.files) {
    EXPECT_EQ(c.applied, 0) << stream;
    EXPECT_EQ(c.ignored, static_cast<std::int64_t>(c.lines)) << stream;
  }
  // Every card in the generated profiles finds its customer.
  std::ifstream profiles(dir / "brand" / "profiles.jsonl");
  std::string line;
  ASSERT_TRUE(std::getline(profiles, line));
  auto p = json::parse(line);
  ASSERT_FALSE(p["cards"].empty());
  EXPECT_EQ(must(store::customer_for_card(db, p["cards"][0].get<std::string>())),
            std::optional<std::string>(p["customer"].get<std::string>()));
  EXPECT_FALSE(tools::import::import_folder(db, dir / "nothing-here", now_ms()));
}

}  // namespace
}  // namespace import_test
}  // namespace witryna::app::test
