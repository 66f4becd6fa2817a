#include "tools/datagen/brand_data.hpp"

#include <cmath>

namespace witryna::datagen {

namespace {

constexpr std::array<std::string_view, 6> kDressNames = {
    "Sukienka lniana",        "Sukienka midi",       "Sukienka kopertowa",
    "Sukienka maxi w kwiaty", "Sukienka dzianinowa", "Sukienka koktajlowa"};
constexpr std::array<std::string_view, 6> kShoeNames = {"Botki skórzane",   "Sneakersy miejskie",
                                                        "Baleriny",         "Mokasyny zamszowe",
                                                        "Kozaki za kolano", "Sandały na obcasie"};
constexpr std::array<std::string_view, 6> kJacketNames = {"Kurtka puchowa",   "Kurtka skórzana",
                                                          "Płaszcz wełniany", "Parka z kapturem",
                                                          "Marynarka lniana", "Trencz klasyczny"};
constexpr std::array<std::string_view, 6> kShirtNames = {
    "Koszula lniana",    "Koszula oxford",     "Bluzka z wiskozy",
    "Koszula flanelowa", "Bluzka z falbanami", "T-shirt bawełniany"};
constexpr std::array<std::string_view, 6> kJeansNames = {
    "Jeansy slim",    "Jeansy mom fit",          "Jeansy szerokie",
    "Jeansy bootcut", "Jeansy z wysokim stanem", "Jeansy o prostym kroju"};
constexpr std::array<std::string_view, 6> kAccessoryNames = {
    "Torebka skórzana",  "Szalik wełniany",     "Pasek skórzany",
    "Czapka z dzianiny", "Rękawiczki skórzane", "Apaszka jedwabna"};

constexpr std::array<CategoryInfo, 6> kCategories = {{
    {"dresses", "DRS", "sukienki", SizeKind::kApparel, 129, 499, 20, kDressNames},
    {"shoes", "SHO", "buty", SizeKind::kShoes, 149, 699, 15, kShoeNames},
    {"jackets", "JKT", "kurtki", SizeKind::kApparel, 199, 999, 12, kJacketNames},
    {"shirts", "SHR", "koszule i bluzki", SizeKind::kApparel, 59, 249, 20, kShirtNames},
    {"jeans", "JNS", "jeansy", SizeKind::kApparel, 119, 399, 15, kJeansNames},
    {"accessories", "ACC", "dodatki", SizeKind::kOneSize, 29, 299, 18, kAccessoryNames},
}};

constexpr std::array<ColorInfo, 10> kColors = {{{"red", "RED"},
                                                {"black", "BLK"},
                                                {"white", "WHT"},
                                                {"navy", "NAV"},
                                                {"beige", "BEI"},
                                                {"green", "GRN"},
                                                {"blue", "BLU"},
                                                {"grey", "GRY"},
                                                {"pink", "PNK"},
                                                {"brown", "BRN"}}};

constexpr std::array<std::string_view, 5> kApparelSizes = {"XS", "S", "M", "L", "XL"};
constexpr std::array<std::string_view, 11> kShoeSizes = {"36", "37", "38", "39", "40", "41",
                                                         "42", "43", "44", "45", "46"};

constexpr std::array<std::string_view, 12> kCollections = {
    "Wisła",   "Mazury", "Tatry",      "Bałtyk", "Sopot", "Kazimierz",
    "Podhale", "Warta",  "Bieszczady", "Żuławy", "Nida",  "Hel"};

constexpr std::array<StoreInfo, 14> kStores = {{
    {"PL-WAW-001", "Warszawa Złote Tarasy", 52.2301, 21.0027},
    {"PL-WAW-002", "Warszawa Arkadia", 52.2567, 20.9846},
    {"PL-WAW-003", "Warszawa Galeria Mokotów", 52.1795, 21.0044},
    {"PL-WAW-004", "Warszawa Wola Park", 52.2427, 20.9317},
    {"PL-WAW-005", "Warszawa Blue City", 52.2127, 20.9563},
    {"PL-WAW-006", "Warszawa Galeria Północna", 52.3168, 20.9706},
    {"PL-WAW-007", "Warszawa Promenada", 52.2394, 21.1072},
    {"PL-KRK-001", "Kraków Galeria Krakowska", 50.0676, 19.9456},
    {"PL-KRK-002", "Kraków Bonarka", 50.0285, 19.9520},
    {"PL-GDN-001", "Gdańsk Galeria Bałtycka", 54.3830, 18.5994},
    {"PL-WRO-001", "Wrocław Pasaż Grunwaldzki", 51.1126, 17.0604},
    {"PL-POZ-001", "Poznań Stary Browar", 52.4026, 16.9280},
    {"PL-LOD-001", "Łódź Manufaktura", 51.7794, 19.4490},
    {"PL-KAT-001", "Katowice Silesia City Center", 50.2717, 19.0030},
}};

constexpr std::array<std::string_view, 40> kFirstNames = {
    "Anna",      "Maria",   "Katarzyna", "Małgorzata", "Agnieszka",  "Barbara", "Ewa",
    "Zofia",     "Julia",   "Magdalena", "Joanna",     "Aleksandra", "Monika",  "Natalia",
    "Karolina",  "Marta",   "Ola",       "Weronika",   "Hanna",      "Łucja",   "Piotr",
    "Krzysztof", "Andrzej", "Tomasz",    "Paweł",      "Michał",     "Marcin",  "Jakub",
    "Adam",      "Łukasz",  "Mateusz",   "Kamil",      "Bartosz",    "Szymon",  "Wojciech",
    "Jan",       "Filip",   "Grzegorz",  "Dawid",      "Jerzy"};

constexpr std::array<std::string_view, 6> kOfferBodies = {
    "Tylko w tym tygodniu",  "Oferta dla członków klubu",      "Do wyczerpania zapasów",
    "Sprawdź nową kolekcję", "Tylko w sklepach stacjonarnych", "Łączy się z punktami klubu"};

constexpr std::array<std::string_view, 8> kHistoryNotes = {"pytała o pielęgnację lnu",
                                                           "szuka sukienki na wesele",
                                                           "zwrot butów – za mały rozmiar",
                                                           "prosi o powiadomienie o dostawie",
                                                           "zainteresowana kolekcją jesienną",
                                                           "pytał o naprawę zamka w kurtce",
                                                           "woli odbiór w sklepie",
                                                           "reklamacja rozwiązana pozytywnie"};

constexpr std::array<std::string_view, 4> kCodeReasons = {"social", "birthday", "apology",
                                                          "referral"};

}  // namespace

std::span<const CategoryInfo> categories() {
  return kCategories;
}
std::span<const ColorInfo> colors() {
  return kColors;
}
std::span<const std::string_view> apparel_sizes() {
  return kApparelSizes;
}
std::span<const std::string_view> shoe_sizes() {
  return kShoeSizes;
}
std::span<const std::string_view> collections() {
  return kCollections;
}
std::span<const StoreInfo> stores() {
  return kStores;
}
std::span<const std::string_view> first_names() {
  return kFirstNames;
}
std::span<const std::string_view> offer_bodies() {
  return kOfferBodies;
}
std::span<const std::string_view> history_notes() {
  return kHistoryNotes;
}
std::span<const std::string_view> code_reasons() {
  return kCodeReasons;
}

std::int64_t distance_m(const StoreInfo& a, const StoreInfo& b) {
  constexpr double kEarthRadiusM = 6371000.0;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  const double metres = 2 * kEarthRadiusM * std::asin(std::sqrt(h));
  return static_cast<std::int64_t>(std::llround(metres / 100.0)) * 100;
}

const StoreInfo* find_store(std::string_view id) {
  for (const auto& s : kStores) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace witryna::datagen
