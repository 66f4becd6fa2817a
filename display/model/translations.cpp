#include "display/model/translations.hpp"

#include <array>
#include <cassert>

#include "display/model/terms.hpp"

namespace witryna::display {
namespace {

struct Entry {
  Text key;
  std::string_view pl;
  std::string_view en;
};

// One row per Text, in enum order (checked at compile time below).
constexpr std::array kTable{
    Entry{Text::kStatusOnline, "Online", "Online"},
    Entry{Text::kStatusOffline, "Offline", "Offline"},
    Entry{Text::kLastSync, "synchronizacja {}", "synced {}"},
    Entry{Text::kNeverSynced, "jeszcze bez synchronizacji", "not synced yet"},
    Entry{Text::kOutbox, "do wysłania: {}", "outbox: {}"},
    Entry{Text::kVersion, "wersja {}", "version {}"},
    Entry{Text::kJustNow, "przed chwilą", "just now"},
    Entry{Text::kMinutesAgo, "{} min temu", "{} min ago"},
    Entry{Text::kHoursAgo, "{} godz. temu", "{} h ago"},
    Entry{Text::kOneMoment, "Chwileczkę…", "One moment…"},
    Entry{Text::kReconnecting, "Łączymy się ponownie. Za chwilę wszystko wróci.",
          "We're reconnecting. Everything will be back in a moment."},
    Entry{Text::kScanPrompt, "Zeskanuj kartę klubową lub kod z aplikacji",
          "Scan your loyalty card or app code"},
    Entry{Text::kScanHint, "Zobacz oferty wybrane specjalnie dla Ciebie",
          "See offers picked just for you"},
    Entry{Text::kWelcome, "Witamy!", "Welcome!"},
    Entry{Text::kWelcomeBody, "Rozejrzyj się — nowa kolekcja już czeka w sklepie.",
          "Have a look around — the new collection is waiting in store."},
    Entry{Text::kOfferOfTheDay, "Oferta w sklepie", "In store now"},
    Entry{Text::kGreetingName, "Dzień dobry, {}!", "Hello, {}!"},
    Entry{Text::kGreeting, "Dzień dobry!", "Hello!"},
    Entry{Text::kTierBadge, "Poziom {}", "{} member"},
    Entry{Text::kPoints, "{} pkt", "{} pts"},
    Entry{Text::kPointsPending, "w tym {} pkt w drodze", "incl. {} pts pending"},
    Entry{Text::kPendingNote, "Punkty w drodze dopiszemy po potwierdzeniu zakupu.",
          "Pending points are added once the purchase is confirmed."},
    Entry{Text::kGenericNotice,
          "To nasze oferty dla wszystkich. Oferty dopasowane do Ciebie włączysz w „Moich "
          "preferencjach”.",
          "These are our offers for everyone. Turn on offers picked for you in “My preferences”."},
    Entry{Text::kOffersForYou, "Oferty dla Ciebie", "Offers for you"},
    Entry{Text::kOffersToday, "Oferty dnia", "Today's offers"},
    Entry{Text::kNoOffers, "Dziś nie mamy dla Ciebie nowych ofert — zajrzyj wkrótce!",
          "No new offers for you today — check back soon!"},
    Entry{Text::kWhy, "Dlaczego ta oferta:", "Why this offer:"},
    Entry{Text::kStockIn, "Dostępne: {} szt.", "In stock: {} left"},
    Entry{Text::kStockInNoCount, "Dostępne", "In stock"},
    Entry{Text::kStockLow, "Ostatnie sztuki", "Last few left"},
    Entry{Text::kStockOut, "Brak w tym sklepie", "Out of stock here"},
    Entry{Text::kAlternative, "Tutaj dostępne zamiast tego: {}", "Available here instead: {}"},
    Entry{Text::kNearbyTitle, "W pobliskich sklepach:", "In nearby stores:"},
    Entry{Text::kNearbyIn, "dostępne", "in stock"},
    Entry{Text::kNearbyLow, "ostatnie sztuki", "few left"},
    Entry{Text::kNearbyOut, "brak", "out of stock"},
    Entry{Text::kAsOf, "stan na {}", "as of {}"},
    Entry{Text::kStale, "może być nieaktualne", "may be out of date"},
    Entry{Text::kChooseOffer, "Chcę skorzystać", "I want this"},
    Entry{Text::kOfferChosen, "Zapisane ✓", "Saved ✓"},
    Entry{Text::kYourReservations, "Twoje rezerwacje", "Your reservations"},
    Entry{Text::kResReadyRoom, "Czeka w przymierzalni {}", "Ready in fitting room {}"},
    Entry{Text::kResReady, "Gotowe do odbioru", "Ready for pickup"},
    Entry{Text::kResHeld, "Zarezerwowane do {}", "Reserved until {}"},
    Entry{Text::kResPickedUp, "Odebrane", "Picked up"},
    Entry{Text::kResCancelled, "Anulowane", "Cancelled"},
    Entry{Text::kResExpired, "Rezerwacja wygasła", "Reservation expired"},
    Entry{Text::kDiscountToday, "{} dzisiaj", "{} today"},
    Entry{Text::kMyPreferences, "Moje preferencje", "My preferences"},
    Entry{Text::kImDone, "Zakończ", "I'm done"},
    Entry{Text::kOtherLanguage, "English", "Polski"},
    Entry{Text::kPrefsIntro,
          "Ty decydujesz, z czego korzystamy. Zmiany zapiszesz jednym dotknięciem.",
          "You decide what we use. Save your changes with one tap."},
    Entry{Text::kConsentPersonalization, "Oferty dopasowane do mnie", "Offers picked for me"},
    Entry{Text::kConsentPersonalizationHelp,
          "Dobieramy oferty do Twoich rozmiarów i ulubionych kategorii.",
          "We match offers to your sizes and favourite categories."},
    Entry{Text::kConsentMarketing, "Nowości i promocje", "News and deals"},
    Entry{Text::kConsentMarketingHelp, "Wysyłamy nowości i promocje w aplikacji i e-mailem.",
          "We send news and deals in the app and by e-mail."},
    Entry{Text::kConsentDisplayName, "Imię na ekranie", "First name on screen"},
    Entry{Text::kConsentDisplayNameHelp, "Witamy Cię po imieniu na ekranach w sklepie.",
          "We greet you by your first name on store screens."},
    Entry{Text::kConsentHistory, "Historia dla doradcy", "History for advisors"},
    Entry{Text::kConsentHistoryHelp, "Doradca w sklepie widzi Twoje wcześniejsze rozmowy z nami.",
          "A store advisor can see your earlier conversations with us."},
    Entry{Text::kPreviewTitle, "Co się zmieni", "What changes"},
    Entry{Text::kPreviewUses, "Twoje rekomendacje korzystają z: {}.",
          "Your recommendations use: {}."},
    Entry{Text::kPreviewUsesNothing,
          "Dodaj rozmiary lub kategorie poniżej, a oferty lepiej do Ciebie dopasujemy.",
          "Add sizes or categories below and we'll match offers to you better."},
    Entry{Text::kPreviewGeneric, "Zobaczysz te same oferty co wszyscy.",
          "You'll see the same offers as everyone else."},
    Entry{Text::kUseSizes, "rozmiary", "sizes"},
    Entry{Text::kUseCategories, "ulubione kategorie", "favourite categories"},
    Entry{Text::kUseBudget, "budżet", "budget"},
    Entry{Text::kPreviewMarketingOn, "Możemy wysyłać Ci nowości i promocje.",
          "We may send you news and deals."},
    Entry{Text::kPreviewMarketingOff, "Nie wyślemy Ci wiadomości marketingowych.",
          "We won't send you marketing messages."},
    Entry{Text::kPreviewNameOn, "Na ekranie powitamy Cię po imieniu.",
          "Screens greet you by your first name."},
    Entry{Text::kPreviewNameOff, "Twoje imię nie pojawi się na ekranie.",
          "Your name never appears on screen."},
    Entry{Text::kPreviewHistoryOn, "Doradca zobaczy historię Twoich rozmów z nami.",
          "Advisors can see your conversations with us."},
    Entry{Text::kPreviewHistoryOff, "Doradca nie zobaczy Twojej historii.",
          "Advisors can't see your history."},
    Entry{Text::kQuizTitle, "Krótki quiz (nieobowiązkowy)", "Quick quiz (optional)"},
    Entry{Text::kQuizSizes, "Twoje rozmiary", "Your sizes"},
    Entry{Text::kQuizCategories, "Co lubisz?", "What do you like?"},
    Entry{Text::kQuizBudget, "Zwykle wydajesz", "Your usual budget"},
    Entry{Text::kBudgetUpTo, "do {}", "up to {}"},
    Entry{Text::kBudgetAny, "bez limitu", "no limit"},
    Entry{Text::kSave, "Zapisz", "Save"},
    Entry{Text::kBack, "Wróć", "Back"},
    Entry{Text::kSaved, "Zapisane ✓", "Saved ✓"},
    Entry{Text::kOn, "Tak", "On"},
    Entry{Text::kOff, "Nie", "Off"},
    Entry{Text::kMsgUnknownCardTitle, "Nie rozpoznajemy tej karty", "We don't recognise this card"},
    Entry{Text::kMsgUnknownCardHint,
          "Pokazujemy oferty dla wszystkich. Przy kasie pomożemy założyć konto.",
          "Here are our offers for everyone. Staff at the till can help you sign up."},
    Entry{Text::kMsgUnrecognizedTitle, "Nie umiemy odczytać tego kodu", "We can't read this code"},
    Entry{Text::kMsgUnrecognizedHint, "Zeskanuj kartę klubową albo kod z naszej aplikacji.",
          "Please scan your loyalty card or the code in our app."},
    Entry{Text::kMsgCardReadTitle, "Nie udało się odczytać karty", "We couldn't read the card"},
    Entry{Text::kMsgCardReadHint, "Spróbuj zeskanować ją jeszcze raz.",
          "Please try scanning it again."},
    Entry{Text::kMsgInvalidTokenTitle, "Ten kod jest nieprawidłowy", "This code isn't valid"},
    Entry{Text::kMsgInvalidTokenHint, "Odśwież kod w aplikacji i spróbuj ponownie.",
          "Refresh the code in the app and try again."},
    Entry{Text::kMsgExpiredTitle, "Ten kod wygasł", "This code has expired"},
    Entry{Text::kMsgExpiredHint, "Odśwież kod w aplikacji i zeskanuj go ponownie.",
          "Refresh it in the app and scan it again."},
    Entry{Text::kMsgNotYetValidTitle, "Ten kod nie jest jeszcze ważny",
          "This code isn't valid yet"},
    Entry{Text::kMsgNotYetValidHint, "Sprawdź zegar w telefonie i spróbuj za chwilę.",
          "Check your phone's clock and try again in a moment."},
    Entry{Text::kMsgReplayedTitle, "Ten kod został już użyty", "This code has already been used"},
    Entry{Text::kMsgReplayedHint, "Odśwież kod w aplikacji — każdy kod działa raz.",
          "Refresh the code in the app — each code works once."},
    Entry{Text::kMsgUnknownCustomerTitle, "Nie znaleźliśmy Twojego konta",
          "We couldn't find your account"},
    Entry{Text::kMsgAskStaffHint, "Pracownik sklepu chętnie pomoże.",
          "A member of staff will be happy to help."},
    Entry{Text::kMsgUnknownCodeTitle, "Nie znamy tego kodu", "This code isn't known"},
    Entry{Text::kMsgUnknownCodeHint, "Sprawdź, czy kod jest przepisany dokładnie.",
          "Check that the code was typed exactly."},
    Entry{Text::kMsgAlreadyUsedTitle, "Kod został już wykorzystany",
          "This code has already been redeemed"},
    Entry{Text::kMsgAlreadyUsedHint, "Każdy kod można wykorzystać tylko raz.",
          "Each code can be used only once."},
    Entry{Text::kMsgNeedsOnlineTitle, "Tego kodu nie da się teraz zrealizować",
          "This code can't be redeemed right now"},
    Entry{Text::kMsgNeedsOnlineHint, "Nie ma połączenia z centralą. Spróbuj za kilka minut.",
          "We can't reach head office. Please try again in a few minutes."},
    Entry{Text::kMsgInvalidCheckTitle, "W kodzie jest literówka", "There's a typo in the code"},
    Entry{Text::kMsgInvalidCheckHint, "Sprawdź każdy znak i wpisz kod ponownie.",
          "Check each character and type the code again."},
    Entry{Text::kMsgMalformedCodeTitle, "To nie wygląda na kod z aplikacji",
          "That doesn't look like an app code"},
    Entry{Text::kMsgMalformedCodeHint, "Kod ma 9 znaków, np. 7K3M-9Q2D-J.",
          "A code has 9 characters, e.g. 7K3M-9Q2D-J."},
    Entry{Text::kMsgCodeExpiredHint, "Klient może pobrać nowy kod w aplikacji.",
          "The customer can get a new code in the app."},
    Entry{Text::kMsgLockedTitle, "Wpisywanie kodów wstrzymane na minutę",
          "Code entry is paused for a minute"},
    Entry{Text::kMsgLockedHint, "Było zbyt wiele błędnych prób. Spróbuj ponownie za minutę.",
          "There were too many wrong tries. Please try again in a minute."},
    Entry{Text::kMsgOutboxFullTitle, "Realizacja kodów jest chwilowo niedostępna",
          "Redemptions are unavailable right now"},
    Entry{Text::kMsgOkTitle, "Gotowe", "All set"},
    Entry{Text::kMsgOkHint, "Dziękujemy!", "Thank you!"},
    Entry{Text::kMsgGenericTitle, "Coś poszło nie tak", "Something went wrong"},
    Entry{Text::kMsgThanksTitle, "Dziękujemy za wizytę!", "Thanks for visiting!"},
    Entry{Text::kMsgThanksHint, "Miłych zakupów.", "Enjoy your shopping."},
    Entry{Text::kActionFailed, "Nie udało się. Spróbuj ponownie.",
          "That didn't work. Please try again."},
    Entry{Text::kOk, "OK", "OK"},
    Entry{Text::kCodePadTitle, "Kod z aplikacji", "App code"},
    Entry{Text::kCodePadHint, "Wpisz kod klienta z klawiatury lub dotykiem",
          "Type the customer's code on the keyboard or the pad"},
    Entry{Text::kCheckCode, "Sprawdź kod", "Check code"},
    Entry{Text::kClear, "Wyczyść", "Clear"},
    Entry{Text::kCodeValid, "Kod ważny", "Code valid"},
    Entry{Text::kCustomerBenefit, "Korzyść dla klienta", "Customer benefit"},
    Entry{Text::kConfirm, "Zatwierdź", "Confirm"},
    Entry{Text::kCancel, "Anuluj", "Cancel"},
    Entry{Text::kReadyTitle, "Gotowe do obsługi", "Ready for the next customer"},
    Entry{Text::kReadyHint, "Wpisz kod z aplikacji albo zeskanuj kartę klienta.",
          "Type an app code or scan the customer's card."},
    Entry{Text::kPickupsTitle, "Odbiory na dziś", "Today's pickups"},
    Entry{Text::kNoPickups, "Na dziś nie ma odbiorów.", "No pickups today."},
    Entry{Text::kHandOver, "Wydaj", "Hand over"},
    Entry{Text::kHoldUntil, "do {}", "until {}"},
    Entry{Text::kExpiresIn, "wygasa za {} min", "expires in {} min"},
    Entry{Text::kFittingRoom, "przymierzalnia {}", "fitting room {}"},
    Entry{Text::kStatusHeld, "Zarezerwowane", "Held"},
    Entry{Text::kStatusReady, "Gotowe", "Ready"},
    Entry{Text::kStatusPickedUp, "Wydane", "Picked up"},
    Entry{Text::kStatusCancelled, "Anulowane", "Cancelled"},
    Entry{Text::kStatusExpired, "Wygasło", "Expired"},
    Entry{Text::kServiceTitle, "Widok doradcy", "Advisor view"},
    Entry{Text::kHistoryTitle, "Historia kontaktów", "Contact history"},
    Entry{Text::kNoHistoryShared, "Klient nie udostępnił historii kontaktów.",
          "The customer hasn't shared their contact history."},
    Entry{Text::kHistoryEmpty, "Brak wpisów.", "No entries yet."},
    Entry{Text::kPurchaseTitle, "Zakup", "Purchase"},
    Entry{Text::kReceipt, "Numer paragonu", "Receipt number"},
    Entry{Text::kAmount, "Kwota ({})", "Amount ({})"},
    Entry{Text::kRecordPurchase, "Zapisz zakup i nalicz punkty", "Record purchase and add points"},
    Entry{Text::kPurchaseSent, "Zakup zapisany ✓", "Purchase recorded ✓"},
    Entry{Text::kInvalidPurchase, "Podaj numer paragonu i kwotę, np. 249,99",
          "Enter the receipt number and an amount, e.g. 249.99"},
    Entry{Text::kCustomer, "Klient", "Customer"},
    Entry{Text::kClubMember, "Członek klubu", "Club member"},
    Entry{Text::kFinish, "Zakończ obsługę", "Finish"},
    Entry{Text::kTill, "Kasa {}", "Till {}"},
    Entry{Text::kClose, "Zamknij", "Close"},
    Entry{Text::kPickupsCount, "do wydania: {}", "to hand over: {}"},
    Entry{Text::kReservationRef, "rezerwacja {}", "reservation {}"},
    Entry{Text::kRedeemed, "Kod zrealizowany ✓", "Code redeemed ✓"},
    Entry{Text::kCheckoutScreen, "Kasa", "Checkout"},
};

constexpr bool table_in_enum_order() {
  if (kTable.size() != static_cast<std::size_t>(Text::kCount)) return false;
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<std::size_t>(kTable[i].key) != i) return false;
  }
  return true;
}
static_assert(table_in_enum_order(), "kTable must hold one row per Text, in enum order");

}  // namespace

std::string_view tr(Text key, Language language) {
  const auto i = static_cast<std::size_t>(key);
  assert(i < kTable.size());
  return language == Language::kPl ? kTable[i].pl : kTable[i].en;
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  auto arg = args.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && arg != args.end()) {
      out += *arg++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string tr(Text key, Language language, std::initializer_list<std::string_view> args) {
  return fill(tr(key, language), args);
}

std::vector<std::string_view> all_strings() {
  std::vector<std::string_view> out;
  for (const auto& e : kTable) {
    out.push_back(e.pl);
    out.push_back(e.en);
  }
  for (const auto s : all_term_strings())
    out.push_back(s);
  return out;
}

}  // namespace witryna::display
