"""Persian words that are never part of a name, shared by the stage that finds names in Persian text
(`extract.persian_names`) and the one that hides a protected person's Persian spelling (`protect.cross_script`).

Persian writes no capitals, so a name ends where a word cannot be part of one: these words.
"""

from __future__ import annotations

from generator.text.fold import fold


def bare(word: str) -> str:
    """A word as the word lists hold it: folded, without joiners."""
    return fold(word).replace("\u200c", "").replace(" ", "")  # fold makes a joiner a space


def phrase_key(text: str) -> str:
    """A phrase as word lists compare it: folded, joiners as spaces, one space between words."""
    return " ".join(fold(text).replace("\u200c", " ").split())


def word_set(text: str) -> frozenset[str]:
    return frozenset(bare(word) for word in text.split())


#: Words that are never part of a name: prepositions, conjunctions, pronouns, demonstratives, adverbs, time words,
#: verbs and auxiliaries (a compound verb's noun, "اعلام" of "اعلام کرد", is caught by the light verb after it).
NOT_NAME = word_set("""
در از به که و با را برای تا این آن او وی ایشان آنان آنها ما شما من تو یا اما ولی هم نیز همچنین بر بی پس پیش
قبل بعد روی زیر میان بین درباره دربارهٔ علیه سوی طی طبق مانند چون اگر هر همه هیچ چند چندین یک دو سه چهار پنج
گفت گفتند افزود افزودند نوشت نوشتند است هست هستند اند بود بودند شد شدند شده شود شوند کرد کردند کرده کند کنند
داد دادند داده دارد دارند داشت خواهد خواهند گرفت گرفتند نمود نمودند باید نباید می نمی امروز دیروز فردا
روز هفته ماه سال شب صبح عصر اکنون هنوز تاکنون حالا سپس همین همان دیگر خود خویش جدید پیشین سابق کنونی
شنبه یکشنبه دوشنبه سهشنبه چهارشنبه پنجشنبه جمعه تنها فقط حتی حدود بیش کم هنگام زمان گزارش اساس
ایکس فیسبوک فیس‌بوک تلگرام یوتیوب اینستاگرام واتساپ واتس‌اپ توییتر تویتر تیک‌تاک
""")
#: The verbs a noun before them makes compound ("اعلام کرد", "هشدار داد"): that noun is no part of a name.
LIGHT_VERBS = word_set("کرد کردند کرده کند کنند کردن نمود نمودند شد شدند شده شود شوند داد دادند داده دهد دهند "
                         "گرفت گرفتند گرفته زد زدند است هستند بود بودند خواهد خواهند")
TITLES = word_set("آقای خانم مولوی مولانا ملا دکتر داکتر حاجی قاری انجینیر شیخ سید بانو جناب")


#: The Persian alphabet in its order (آ with ا, as dictionaries file it; the Arabic forms ي ك as ی ک).
ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_FORMS = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه",
                        "ۀ": "ه", "ؤ": "و"})
#: Each letter to a code point in the alphabet's order, so a plain sort files پ after ب and گ after ک.
_COLLATION = str.maketrans({letter: chr(0x0621 + index) for index, letter in enumerate(ALPHABET)})


def collation_key(text: str) -> str:
    """`text` as a Persian index sorts it; text in other scripts as it was."""
    return text.translate(_FORMS).translate(_COLLATION)


def initial(text: str) -> str:
    """The letter a Persian index files `text` under: "آخوندزاده" under ا, "كريمي" under ک."""
    return text[:1].translate(_FORMS)


#: Nouns that open a body's name ("سازمان امور اتباع", "وزارت خارجه", "جنبش زنان …").
BODY_HEADS = word_set(("کانون دارالعلوم سازمان وزارت کمیسیون کمیساریای شورای انجمن جنبش حرکت شبکه حزب اتحادیه اداره "
                       "ریاست بنیاد مجمع نهاد مرکز دانشگاه پولیس پلیس ارتش دادگاه محکمه دادستانی کمیته ائتلاف "
                       "خبرگزاری رادیو تلویزیون روزنامه سفارت سرکنسولگری کنسولگری مجلس پارلمان استخبارات "
                       "فدراسیون صندوق بانک شرکت هیئت دیدبان دیده‌بان فرماندهی مؤسسه موسسه پوهنتون قوماندانی "
                       "نمایندگی کنسولگری شعبه"))
#: Roles a person is named by, before or after the name ("سخنگوی …", "…، وزیر خارجه"): no part of the name itself.
ROLES = word_set(("سخنگوی رئیس رییس وزیر معاون فرمانده والی سفیر نماینده مدیر بنیان‌گذار بنیانگذار فعال عضو "
                  "مشاور سرپرست دبیرکل مسئول رهبر قاضی وکیل خبرنگار گزارشگر عکاس استاد معلم آموزگار "
                  "رئیس‌جمهور رئیس‌جمهوری نخست‌وزیر امیر فرماندار شهردار سرکنسول کارمند مقام"))
