#include <gtest/gtest.h>
#include <stb_image.h>

#include "display/image/base64.hpp"
#include "display/image/png.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::display {
namespace image_test {
namespace {

TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> cases[] = {{"", ""},
                                                       {"f", "Zg=="},
                                                       {"fo", "Zm8="},
                                                       {"foo", "Zm9v"},
                                                       {"foob", "Zm9vYg=="},
                                                       {"fooba", "Zm9vYmE="},
                                                       {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : cases) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), plain);
  }
  const std::string bytes("\x00\xFF\x10\x80", 4);
  EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
  for (const char* bad : {"Zg=", "Z===", "Zm9v!", "=Zm9"})
    EXPECT_FALSE(base64_decode(bad)) << bad;
}

Image checker(int w, int h) {
  Image img{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w * h * 4))};
  for (int i = 0; i < w * h; ++i) {
    const std::uint8_t v = ((i % w + i / w) % 2) != 0 ? 255 : 0;
    img.rgba[static_cast<std::size_t>(i) * 4 + 0] = v;
    img.rgba[static_cast<std::size_t>(i) * 4 + 1] = 40;
    img.rgba[static_cast<std::size_t>(i) * 4 + 2] = 200;
    img.rgba[static_cast<std::size_t>(i) * 4 + 3] = 255;
  }
  return img;
}

TEST(Png, RoundTripsThroughStb) {
  const Image img = checker(5, 3);
  const auto png = encode_png(img);
  ASSERT_TRUE(png);
  ASSERT_GT(png->size(), 8u);
  EXPECT_EQ(png->substr(1, 3), "PNG");
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png->data()),
                                            static_cast<int>(png->size()), &w, &h, &n, 4);
  ASSERT_NE(px, nullptr);
  EXPECT_EQ(w, 5);
  EXPECT_EQ(h, 3);
  EXPECT_TRUE(std::equal(img.rgba.begin(), img.rgba.end(), px));
  stbi_image_free(px);
}

TEST(Png, RefusesNoPixelsAndWritesFiles) {
  EXPECT_FALSE(encode_png(Image{}));
  test::TempDir dir;
  EXPECT_TRUE(write_png(checker(4, 4), dir / "a.png"));
  EXPECT_TRUE(std::filesystem::file_size(dir / "a.png") > 0);
  EXPECT_FALSE(write_png(checker(4, 4), dir / "missing" / "a.png"));
}

}  // namespace
}  // namespace image_test
}  // namespace witryna::display
