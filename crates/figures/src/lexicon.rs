//! Word lists: number words, scale words, fraction denominators, hedges,
//! currencies and measurement units. All keys are lower case unless the
//! table says it is case-sensitive.

use claimdex_model::Comparator;

/// The class of a cardinal number word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumWord {
    /// zero … nine.
    Unit(u32),
    /// ten … nineteen.
    Teen(u32),
    /// twenty, thirty … ninety.
    Tens(u32),
    /// hundred.
    Hundred,
    /// thousand, million, lakh… (the multiplier).
    Big(f64),
}

/// A cardinal number word, lower case.
pub(crate) fn num_word(w: &str) -> Option<NumWord> {
    use NumWord::*;
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => Unit(0),
        "one" => Unit(1),
        "two" => Unit(2),
        "three" => Unit(3),
        "four" => Unit(4),
        "five" => Unit(5),
        "six" => Unit(6),
        "seven" => Unit(7),
        "eight" => Unit(8),
        "nine" => Unit(9),
        "ten" => Teen(10),
        "eleven" => Teen(11),
        "twelve" => Teen(12),
        "thirteen" => Teen(13),
        "fourteen" => Teen(14),
        "fifteen" => Teen(15),
        "sixteen" => Teen(16),
        "seventeen" => Teen(17),
        "eighteen" => Teen(18),
        "nineteen" => Teen(19),
        "twenty" => Tens(20),
        "thirty" => Tens(30),
        "forty" | "fourty" => Tens(40),
        "fifty" => Tens(50),
        "sixty" => Tens(60),
        "seventy" => Tens(70),
        "eighty" => Tens(80),
        "ninety" => Tens(90),
        "hundred" | "hundreds" => Hundred,
        "thousand" | "thousands" => Big(1e3),
        "lakh" | "lakhs" | "lac" => Big(1e5),
        "million" | "millions" => Big(1e6),
        "crore" | "crores" => Big(1e7),
        "billion" | "billions" => Big(1e9),
        "trillion" | "trillions" => Big(1e12),
        _ => return None,
    })
}

/// A scale abbreviation written after digits ("1.2bn", "5 mln", "100k").
/// `attached` says whether it touches the digits; `money` whether the
/// figure is money (where a bare "m" or "t" means million/trillion).
pub(crate) fn scale_abbrev(w: &str, attached: bool, money: bool) -> Option<f64> {
    Some(match w {
        "k" | "K" if attached || !money => 1e3,
        "bn" | "bln" | "Bn" | "BN" => 1e9,
        "mn" | "mln" | "mil" | "Mn" | "MN" => 1e6,
        "tn" | "tln" | "trn" | "Tn" => 1e12,
        "M" if attached => 1e6,
        "m" if attached && money => 1e6,
        "b" | "B" if attached && money => 1e9,
        "T" if attached && money => 1e12,
        "thou" => 1e3,
        _ => return None,
    })
}

/// A fraction denominator word ("third", "quarters", "hundredths"), lower
/// case: its value and whether it is plural.
pub(crate) fn denominator(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        _ => match w.strip_suffix('s') {
            Some(s) => (s, true),
            None => (w, false),
        },
    };
    let d = match stem {
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    };
    Some((d, plural))
}

/// The ordinal of a unit word ("first" → 1) for compound denominators
/// such as "twenty-first".
pub(crate) fn unit_ordinal(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) => (s, true),
        None => (w, false),
    };
    let v = match stem {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        _ => return None,
    };
    Some((v, plural))
}

/// A hedge before a figure, as lower-case word sequences, and its
/// comparator. Longest first so "more than" wins over "more".
pub(crate) const QUALIFIERS: &[(&[&str], Option<Comparator>)] = {
    use Comparator::*;
    &[
        (&["no", "more", "than"], Some(LessOrEqual)),
        (&["no", "less", "than"], Some(GreaterOrEqual)),
        (&["not", "more", "than"], Some(LessOrEqual)),
        (&["not", "less", "than"], Some(GreaterOrEqual)),
        (&["no", "fewer", "than"], Some(GreaterOrEqual)),
        (&["in", "excess", "of"], Some(Greater)),
        (&["upwards", "of"], Some(Greater)),
        (&["as", "many", "as"], Some(LessOrEqual)),
        (&["as", "much", "as"], Some(LessOrEqual)),
        (&["as", "few", "as"], Some(GreaterOrEqual)),
        (&["as", "little", "as"], Some(GreaterOrEqual)),
        (&["as", "high", "as"], Some(LessOrEqual)),
        (&["as", "low", "as"], Some(GreaterOrEqual)),
        (&["just", "over"], Some(Greater)),
        (&["just", "under"], Some(Less)),
        (&["well", "over"], Some(Greater)),
        (&["well", "above"], Some(Greater)),
        (&["more", "than"], Some(Greater)),
        (&["greater", "than"], Some(Greater)),
        (&["higher", "than"], Some(Greater)),
        (&["less", "than"], Some(Less)),
        (&["fewer", "than"], Some(Less)),
        (&["lower", "than"], Some(Less)),
        (&["at", "least"], Some(GreaterOrEqual)),
        (&["at", "most"], Some(LessOrEqual)),
        (&["up", "to"], Some(LessOrEqual)),
        (&["close", "to"], Some(Approximately)),
        (&["an", "estimated"], Some(Approximately)),
        (&["nearly"], Some(Approximately)),
        (&["almost"], Some(Approximately)),
        (&["about"], Some(Approximately)),
        (&["around"], Some(Approximately)),
        (&["roughly"], Some(Approximately)),
        (&["approximately"], Some(Approximately)),
        (&["approx"], Some(Approximately)),
        (&["circa"], Some(Approximately)),
        (&["some"], Some(Approximately)),
        (&["over"], Some(Greater)),
        (&["above"], Some(Greater)),
        (&["exceeding"], Some(Greater)),
        (&["under"], Some(Less)),
        (&["below"], Some(Less)),
        (&["exactly"], Some(Exactly)),
        (&["precisely"], Some(Exactly)),
        (&["between"], None),
    ]
};

/// Currency symbol → ISO 4217 code.
pub(crate) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '¥' | '￥' => "JPY",
        '₹' => "INR",
        '₩' => "KRW",
        '₽' => "RUB",
        '₺' => "TRY",
        '₡' => "CRC",
        '₾' => "GEL",
        '₭' => "LAK",
        '₱' => "PHP",
        '₦' => "NGN",
        '₪' => "ILS",
        '฿' => "THB",
        '₫' => "VND",
        '₴' => "UAH",
        '₿' => "BTC",
        _ => return None,
    })
}

/// Letters written before "$" that name the dollar ("C$", "HK$"), exact
/// case when touching the sign; `spaced` allows the lower-case forms seen
/// in tokenised text ("us $", "c $").
pub(crate) fn dollar_prefix(w: &str, spaced: bool) -> Option<&'static str> {
    if spaced {
        return Some(match w {
            "us" | "US" => "USD",
            "c" | "C" | "cdn" | "CDN" => "CAD",
            "hk" | "HK" => "HKD",
            "nz" | "NZ" => "NZD",
            "aud" | "AUD" | "au" | "AU" => "AUD",
            _ => return None,
        });
    }
    Some(match w {
        "US" | "USD" | "us" | "usd" => "USD",
        "C" | "CA" | "CAN" | "CDN" | "c" | "cad" | "CAD" => "CAD",
        "A" | "AU" | "AUD" | "aud" => "AUD",
        "HK" | "hk" => "HKD",
        "NZ" | "nz" => "NZD",
        "S" | "SG" => "SGD",
        "R" => "BRL",
        "MX" => "MXN",
        "NT" => "TWD",
        _ => return None,
    })
}

/// An ISO 4217 code as written next to a number. Upper case always
/// counts; lower case only for codes that are not also English words.
pub(crate) fn currency_code(w: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "HKD", "NZD", "SGD", "SEK",
        "NOK", "DKK", "KRW", "RUB", "BRL", "MXN", "ZAR", "PLN", "THB", "IDR", "MYR", "SAR", "AED",
        "TWD", "CZK", "HUF", "ILS", "NGN", "EGP", "PKR", "BDT", "VND", "UAH", "KES", "ARS", "CLP",
        "COP", "QAR", "KWD", "BTC",
    ];
    // Codes are three letters; the length test keeps this cheap for the
    // many words it is asked about.
    if w.len() != 3 {
        return None;
    }
    if w == "RMB" || w == "rmb" {
        return Some("CNY");
    }
    let b = w.as_bytes();
    if b.iter().all(u8::is_ascii_uppercase) {
        return CODES.iter().find(|c| **c == w).copied();
    }
    const LOWER_OK: &[&str] = &[
        "usd", "eur", "gbp", "jpy", "cny", "chf", "cad", "aud", "inr", "hkd", "nzd", "sgd", "btc",
    ];
    if b.iter().all(u8::is_ascii_lowercase) && LOWER_OK.contains(&w) {
        return CODES.iter().find(|c| c.eq_ignore_ascii_case(w)).copied();
    }
    None
}

/// Whether a lower-case word can begin a hedge (see [`QUALIFIERS`]).
pub(crate) fn starts_qualifier(w: &str) -> bool {
    matches!(
        w,
        "no" | "not"
            | "in"
            | "upwards"
            | "as"
            | "just"
            | "well"
            | "more"
            | "greater"
            | "higher"
            | "less"
            | "fewer"
            | "lower"
            | "at"
            | "up"
            | "close"
            | "an"
            | "nearly"
            | "almost"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "approx"
            | "circa"
            | "some"
            | "over"
            | "above"
            | "exceeding"
            | "under"
            | "below"
            | "exactly"
            | "precisely"
            | "between"
    )
}

/// How a unit phrase may be used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum UKind {
    /// A currency (ISO code or sub-unit).
    Money,
    /// Percent or percentage points.
    Percent,
    /// A physical or other measure.
    Measure,
    /// A length of time: a duration, which the dates stage owns, unless it
    /// states an age.
    Time,
    /// A multiplier of the count ("dozen").
    Count(f64),
}

/// One unit entry: canonical unit and kind.
pub(crate) type UDef = (&'static str, UKind);

/// Unit words and phrases written exactly (case-sensitive symbols).
pub(crate) fn unit_exact(p: &str) -> Option<UDef> {
    use UKind::*;
    Some(match p {
        "MB" | "MiB" | "Mbyte" => ("megabyte", Measure),
        "Mb" | "Mbit" => ("megabit", Measure),
        "GB" | "GiB" => ("gigabyte", Measure),
        "Gb" => ("gigabit", Measure),
        "KB" | "kB" | "KiB" => ("kilobyte", Measure),
        "TB" => ("terabyte", Measure),
        "Mbps" | "Mbit/s" | "Mb/s" => ("megabit per second", Measure),
        "Kbps" | "kbps" => ("kilobit per second", Measure),
        "Gbps" => ("gigabit per second", Measure),
        "GHz" => ("gigahertz", Measure),
        "MHz" => ("megahertz", Measure),
        "kHz" => ("kilohertz", Measure),
        "Hz" => ("hertz", Measure),
        "eV" => ("electronvolt", Measure),
        "keV" => ("kiloelectronvolt", Measure),
        "MeV" => ("megaelectronvolt", Measure),
        "GeV" => ("gigaelectronvolt", Measure),
        "TeV" => ("teraelectronvolt", Measure),
        "mGy" => ("milligray", Measure),
        "Gy" => ("gray", Measure),
        "mSv" => ("millisievert", Measure),
        "MW" => ("MW", Measure),
        "GW" => ("GW", Measure),
        "kW" => ("kW", Measure),
        "TW" => ("TW", Measure),
        "MWh" => ("megawatt hour", Measure),
        "GWh" => ("gigawatt hour", Measure),
        "kWh" => ("kilowatt hour", Measure),
        "TWh" => ("terawatt hour", Measure),
        "L" => ("l", Measure),
        "pm" => ("picometre", Measure),
        "am" => ("attometre", Measure),
        "fb−1" | "fb-1" | "fb^-1" => ("inverse femtobarn", Measure),
        "s-1" | "s−1" | "s^-1" => ("inverse second", Measure),
        "mL" => ("ml", Measure),
        "Mt" => ("megatonne", Measure),
        "Gt" => ("gigatonne", Measure),
        "MUSD" => ("USD", Money),
        "MEUR" => ("EUR", Money),
        "MGBP" => ("GBP", Money),
        "BTC" | "XBT" => ("BTC", Money),
        _ => return None,
    })
}

/// Unit words and phrases, lower case, words joined by one space and
/// touching symbols joined without one.
pub(crate) fn unit_lower(p: &str) -> Option<UDef> {
    use UKind::*;
    Some(match p {
        // percent
        "%" | "percent" | "per cent" | "percentage" | "percents" | "pct" | "per-cent" => {
            ("%", Percent)
        }
        "percentage point" | "percentage points" | "percent point" | "percent points" | "pp"
        | "ppt" | "ppts" | "% point" | "% points" => ("pp", Percent),
        "basis point" | "basis points" | "bps" | "bp" => ("bp", Percent),
        // money words
        "dollar" | "dollars" | "dlr" | "dlrs" | "u.s. dlrs" | "u.s. dlr" | "us dlrs"
        | "us dollar" | "us dollars" | "u.s. dollar" | "u.s. dollars" | "american dollars"
        | "greenbacks" => ("USD", Money),
        "australian dollar" | "australian dollars" => ("AUD", Money),
        "canadian dollar" | "canadian dollars" | "canadian dlr" | "canadian dlrs" => ("CAD", Money),
        "australian dlr" | "australian dlrs" => ("AUD", Money),
        "hong kong dollar" | "hong kong dollars" | "hong kong dlrs" | "h.k. dlr" | "h.k. dlrs"
        | "hk dlrs" => ("HKD", Money),
        "new zealand dollar"
        | "new zealand dollars"
        | "new zealand dlrs"
        | "n.z. dlr"
        | "n.z. dlrs"
        | "nz dlrs" => ("NZD", Money),
        "singapore dollar" | "singapore dollars" | "singapore dlrs" => ("SGD", Money),
        "taiwan dollar" | "taiwan dollars" | "taiwan dlr" | "taiwan dlrs" => ("TWD", Money),
        // The European Currency Unit, the euro's forerunner.
        "ecu" | "ecus" | "european currency unit" | "european currency units" => ("XEU", Money),
        "euro" | "euros" => ("EUR", Money),
        "pound sterling" | "pounds sterling" | "sterling" | "british pound" | "british pounds"
        | "stg" => ("GBP", Money),
        "yen" | "japanese yen" => ("JPY", Money),
        "yuan" | "renminbi" | "chinese yuan" | "kuai" => ("CNY", Money),
        "rupee" | "rupees" | "indian rupee" | "indian rupees" => ("INR", Money),
        // "ரூ" (Tamil) and "රු" (Sinhala) are how Sri Lanka writes its rupee.
        "sri lankan rupee" | "sri lankan rupees" | "ரூ" | "රු" => ("LKR", Money),
        "pakistani rupee" | "pakistani rupees" => ("PKR", Money),
        "swiss franc" | "swiss francs" => ("CHF", Money),
        // A bare "franc", "peso" or "krone" names no country (French,
        // Swiss, Belgian, CFA francs; Mexican, Argentine, Chilean pesos;
        // Danish, Norwegian kroner): the word is the unit, not a guessed
        // ISO code.
        "franc" | "francs" => ("franc", Money),
        "french franc" | "french francs" => ("FRF", Money),
        "belgian franc" | "belgian francs" => ("BEF", Money),
        "luxembourg franc" | "luxembourg francs" => ("LUF", Money),
        "finnish markka" | "markka" | "markkaa" => ("FIM", Money),
        "peseta" | "pesetas" => ("ESP", Money),
        "guilder" | "guilders" | "dutch guilder" | "dutch guilders" => ("NLG", Money),
        "deutsche mark" | "deutsche marks" | "deutschmark" | "deutschmarks" => ("DEM", Money),
        "lira" | "liras" | "turkish lira" | "turkish liras" => ("TRY", Money),
        "lire" | "italian lire" => ("ITL", Money),
        "mexican peso" | "mexican pesos" => ("MXN", Money),
        "peso" | "pesos" => ("peso", Money),
        "argentine peso" | "argentine pesos" => ("ARS", Money),
        "chilean peso" | "chilean pesos" => ("CLP", Money),
        "colombian peso" | "colombian pesos" => ("COP", Money),
        "philippine peso" | "philippine pesos" => ("PHP", Money),
        "ruble" | "rubles" | "rouble" | "roubles" => ("RUB", Money),
        "rand" => ("ZAR", Money),
        "reais" | "brazilian real" | "brazilian reais" => ("BRL", Money),
        "naira" => ("NGN", Money),
        "shekel" | "shekels" => ("ILS", Money),
        "baht" => ("THB", Money),
        "ringgit" => ("MYR", Money),
        "zloty" | "zlotys" => ("PLN", Money),
        "forint" | "forints" => ("HUF", Money),
        "krona" | "kronor" | "swedish krona" | "swedish kronor" => ("SEK", Money),
        "norwegian krone" | "norwegian kroner" => ("NOK", Money),
        "danish krone" | "danish kroner" => ("DKK", Money),
        "krone" | "kroner" => ("krone", Money),
        // "crowns", as news agencies write kronor and koruny, name no
        // country either; nor do "dinars", "bolivars" (a code per era) or
        // "kwacha".
        "swedish crown" | "swedish crowns" => ("SEK", Money),
        "danish crown" | "danish crowns" => ("DKK", Money),
        "norwegian crown" | "norwegian crowns" => ("NOK", Money),
        "crown" | "crowns" => ("crown", Money),
        "kuwaiti dinar" | "kuwaiti dinars" => ("KWD", Money),
        "iraqi dinar" | "iraqi dinars" => ("IQD", Money),
        "jordanian dinar" | "jordanian dinars" => ("JOD", Money),
        "bahraini dinar" | "bahraini dinars" => ("BHD", Money),
        "dinar" | "dinars" => ("dinar", Money),
        "schilling" | "schillings" | "austrian schilling" | "austrian schillings" => ("ATS", Money),
        "bolivar" | "bolivars" => ("bolivar", Money),
        "shilling" | "shillings" => ("shilling", Money),
        "escudo" | "escudos" => ("escudo", Money),
        "drachma" | "drachmas" | "drachmae" => ("GRD", Money),
        "rupiah" => ("IDR", Money),
        "punt" | "punts" | "irish punt" | "irish punts" | "irish pound" | "irish pounds" => {
            ("IEP", Money)
        }
        "cruzado" | "cruzados" => ("BRC", Money),
        "austral" | "australs" => ("ARA", Money),
        "sucre" | "sucres" => ("ECS", Money),
        "inti" | "intis" => ("PEI", Money),
        "taka" => ("BDT", Money),
        "dong" => ("VND", Money),
        "kwacha" => ("kwacha", Money),
        // The IMF's unit of account.
        "sdr" | "sdrs" | "special drawing right" | "special drawing rights" => ("XDR", Money),
        "dirham" | "dirhams" => ("AED", Money),
        "riyal" | "riyals" => ("SAR", Money),
        "hryvnia" | "hryvnias" => ("UAH", Money),
        "won" | "korean won" | "south korean won" => ("KRW", Money),
        "colón" | "colon" | "colones" => ("CRC", Money),
        "lari" => ("GEL", Money),
        "kip" => ("LAK", Money),
        "bitcoin" | "bitcoins" => ("BTC", Money),
        "satoshi" | "satoshis" => ("satoshi", Money),
        "cent" | "cents" | "¢" | "cts" | "ct" => ("cent", Money),
        "mark" | "marks" | "dm" | "d-mark" | "d-marks" => ("DEM", Money),
        // One British penny, several pence.
        "penny" => ("penny", Money),
        "pennies" | "pence" | "p" => ("pence", Money),
        // length
        "m" | "meter" | "meters" | "metre" | "metres" => ("m", Measure),
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => ("km", Measure),
        "cm" | "cms" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => {
            ("cm", Measure)
        }
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => ("mm", Measure),
        "nm" | "nanometer" | "nanometers" | "nanometre" | "nanometres" => ("nanometre", Measure),
        "picometer" | "picometers" | "picometre" | "picometres" => ("picometre", Measure),
        "micrometer" | "micrometers" | "micrometre" | "micrometres" | "micron" | "microns"
        | "µm" | "μm" => ("micrometer", Measure),
        "mi" | "mile" | "miles" => ("mi", Measure),
        "nautical mile" | "nautical miles" => ("nmi", Measure),
        "ft" | "foot" | "feet" => ("ft", Measure),
        "in" | "inch" | "inches" | "\"" | "″" => ("in", Measure),
        "yd" | "yard" | "yards" | "yds" => ("yd", Measure),
        "light year" | "light years" | "light-year" | "light-years" => ("ly", Measure),
        // area
        "km2" | "km²" | "km^2" | "sq km" | "square kilometer" | "square kilometers"
        | "square kilometre" | "square kilometres" | "km squared" | "sqkm" => ("km2", Measure),
        "m2" | "m²" | "m^2" | "sq m" | "square meter" | "square meters" | "square metre"
        | "square metres" | "sqm" => ("square meter", Measure),
        "sq mi" | "square mile" | "square miles" | "mi2" | "mi²" => ("mi2", Measure),
        "sq ft" | "square foot" | "square feet" | "ft2" | "ft²" | "sqft" => {
            ("square foot", Measure)
        }
        "acre" | "acres" => ("acre", Measure),
        "ha" | "hectare" | "hectares" => ("ha", Measure),
        // volume
        "km3" | "km³" | "km^3" | "cubic kilometer" | "cubic kilometers" | "cubic kilometre"
        | "cubic kilometres" | "km cubed" => ("cubic kilometre", Measure),
        "m3" | "m³" | "m^3" | "cubic meter" | "cubic meters" | "cubic metre" | "cubic metres" => {
            ("cubic meter", Measure)
        }
        "cubic foot" | "cubic feet" | "cu ft" | "ft3" | "ft³" => ("cubic foot", Measure),
        // The gas trade's scaled cubic feet (see `measure_scale`). "mcf"
        // is a thousand cubic feet by the book, but agency copy also
        // writes it for a million ("165 mln cubic feet (mcf) a day"), so
        // it keeps its own symbol and the value as written.
        "mmcf" | "bcf" | "tcf" => ("cubic foot", Measure),
        "mcf" => ("mcf", Measure),
        "cc" | "cm3" | "cm³" | "cubic centimeter" | "cubic centimeters" | "cubic centimetre"
        | "cubic centimetres" => ("cubic centimetre", Measure),
        "l" | "liter" | "liters" | "litre" | "litres" => ("l", Measure),
        "ml" | "milliliter" | "milliliters" | "millilitre" | "millilitres" => ("ml", Measure),
        "gal" | "gallon" | "gallons" | "gals" => ("gal", Measure),
        "barrel" | "barrels" | "bbl" | "bbls" => ("bbl", Measure),
        // Grain and cotton trade units.
        "bushel" | "bushels" => ("bu", Measure),
        "bale" | "bales" => ("bale", Measure),
        "bpd" | "b/d" | "barrels per day" | "barrels a day" => ("bbl/d", Measure),
        "cup" | "cups" => ("cup", Measure),
        "tablespoon" | "tablespoons" | "tbsp" | "tbs" => ("tablespoon", Measure),
        "teaspoon" | "teaspoons" | "tsp" => ("teaspoon", Measure),
        "pint" | "pints" => ("pint", Measure),
        "quart" | "quarts" => ("quart", Measure),
        // mass
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo"
        | "kilos" => ("kg", Measure),
        "g" | "gram" | "grams" | "gramme" | "grammes" | "gr" => ("g", Measure),
        "mg" | "milligram" | "milligrams" | "milligramme" | "milligrammes" => ("mg", Measure),
        "µg" | "μg" | "mcg" | "microgram" | "micrograms" | "microgramme" | "microgrammes" => {
            ("microgram", Measure)
        }
        "lb" | "lbs" | "pound" | "pounds" => ("lb", Measure),
        "oz" | "ounce" | "ounces" => ("oz", Measure),
        "troy ounce" | "troy ounces" => ("ozt", Measure),
        "t" | "tonne" | "tonnes" | "metric ton" | "metric tons" | "metric tonne"
        | "metric tonnes" | "mt" => ("t", Measure),
        "ton" | "tons" | "short ton" | "short tons" => ("ton", Measure),
        // The imperial ton of 2,240 lb, as the metal trade still counts.
        "long ton" | "long tons" => ("long ton", Measure),
        "tpd" | "tons per day" | "tonnes per day" => ("ton per day", Measure),
        // A ship's carrying capacity, the shipping trade's "dwt"; the
        // "long" of the old long-ton tonnage changes no symbol.
        "dwt" | "dwts" | "long dwt" | "deadweight" | "dead weight" | "deadweight ton"
        | "deadweight tons" | "deadweight tonne" | "deadweight tonnes" | "dead weight ton"
        | "dead weight tons" | "dead weight tonne" | "dead weight tonnes"
        | "deadweight tonnage" | "dwt tons" | "dwt tonnes" => ("dwt", Measure),
        // The US hundredweight of 100 lb (the British one is 112 lb): no
        // conversion, the trade's symbol says which the market meant.
        "cwt" | "cwts" | "hundredweight" | "hundredweights" => ("cwt", Measure),
        "dram" | "drams" => ("dram", Measure),
        "carat" | "carats" => ("carat", Measure),
        // temperature and angle
        "°c" | "° c" | "℃" | "degrees celsius" | "degree celsius" | "degrees c" | "degree c"
        | "celsius" | "celcius" | "degrees centigrade" | "centigrade" | "° celsius"
        | "degrees celcius" => ("°C", Measure),
        "°f" | "° f" | "℉" | "degrees fahrenheit" | "degree fahrenheit" | "degrees f"
        | "degree f" | "fahrenheit" | "° fahrenheit" => ("°F", Measure),
        "kelvin" | "kelvins" => ("kelvin", Measure),
        "°" | "degree" | "degrees" | "deg" => ("degree", Measure),
        "rad" | "radian" | "radians" => ("radian", Measure),
        "turn" | "turns" => ("turn", Measure),
        // speed
        "km/h"
        | "km/hr"
        | "kph"
        | "kmph"
        | "kmh"
        | "kilometers per hour"
        | "kilometres per hour"
        | "kilometer per hour"
        | "kilometre per hour"
        | "km per hour" => ("kilometer per hour", Measure),
        "mph" | "miles per hour" | "mile per hour" => ("mile per hour", Measure),
        "m/s" | "meters per second" | "metres per second" => ("meter per second", Measure),
        "knot" | "knots" => ("knot", Measure),
        // acceleration and flux: a squared denominator is one unit, not a
        // rate "/s" followed by a stray "2".
        "m/s2" | "m/s²" | "m/s^2" | "meters per second squared" | "metres per second squared" => {
            ("m/s2", Measure)
        }
        "km/s2" | "km/s²" | "km/s^2" => ("km/s2", Measure),
        "j/m2" | "j/m²" | "j/m^2" => ("J/m2", Measure),
        "w/m2" | "w/m²" | "w/m^2" => ("W/m2", Measure),
        // energy, power, data
        "kwh" | "kilowatt hour" | "kilowatt hours" | "kilowatt-hour" | "kilowatt-hours" => {
            ("kilowatt hour", Measure)
        }
        "mwh" | "megawatt hour" | "megawatt hours" | "megawatt-hour" | "megawatt-hours" => {
            ("megawatt hour", Measure)
        }
        "gwh" | "gigawatt hour" | "gigawatt hours" | "gigawatt-hours" => ("gigawatt hour", Measure),
        "twh" | "terawatt hour" | "terawatt hours" | "terawatt-hours" => ("terawatt hour", Measure),
        "mw" | "megawatt" | "megawatts" => ("MW", Measure),
        "gw" | "gigawatt" | "gigawatts" => ("GW", Measure),
        "kw" | "kilowatt" | "kilowatts" => ("kW", Measure),
        "watt" | "watts" => ("W", Measure),
        "hp" | "horsepower" => ("hp", Measure),
        "joule" | "joules" => ("J", Measure),
        "btu" | "btus" | "british thermal unit" | "british thermal units" | "mmbtu" => {
            ("Btu", Measure)
        }
        "calorie" | "calories" | "kcal" => ("kcal", Measure),
        "bit" | "bits" => ("bit", Measure),
        "byte" | "bytes" => ("byte", Measure),
        "kilobyte" | "kilobytes" | "kb" => ("kilobyte", Measure),
        "kibibyte" | "kibibytes" => ("kibibyte", Measure),
        "megabyte" | "megabytes" => ("megabyte", Measure),
        "mb" | "megabit" | "megabits" => ("megabit", Measure),
        "gigabyte" | "gigabytes" | "gb" => ("gigabyte", Measure),
        "kilobit" | "kilobits" => ("kilobit", Measure),
        "kbps" | "kilobits per second" | "kbit/s" => ("kilobit per second", Measure),
        "megabits per second" | "mbit/s" => ("megabit per second", Measure),
        "gigabits per second" => ("gigabit per second", Measure),
        "terabyte" | "terabytes" | "tb" => ("terabyte", Measure),
        "gigahertz" | "ghz" => ("gigahertz", Measure),
        "megahertz" | "mhz" => ("megahertz", Measure),
        "electronvolt" | "electronvolts" | "electron volt" | "electron volts" | "ev" => {
            ("electronvolt", Measure)
        }
        "volt" | "volts" => ("V", Measure),
        "decibel" | "decibels" | "db" => ("dB", Measure),
        // counts
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => ("", Count(12.0)),
        // time (durations: only used for ages and rate denominators)
        "year" | "years" | "yr" | "yrs" => ("yr", Time),
        "month" | "months" | "mos" | "mth" | "mths" => ("mo", Time),
        "week" | "weeks" | "wk" | "wks" => ("wk", Time),
        "day" | "days" => ("d", Time),
        "hour" | "hours" | "hr" | "hrs" | "h" => ("h", Time),
        "minute" | "minutes" | "min" | "mins" => ("min", Time),
        "second" | "seconds" | "sec" | "secs" | "s" => ("s", Time),
        "millisecond" | "milliseconds" | "ms" => ("ms", Time),
        "decade" | "decades" => ("decade", Time),
        "century" | "centuries" => ("century", Time),
        "fortnight" | "fortnights" => ("fortnight", Time),
        _ => return None,
    })
}

/// The factor of a unit symbol that carries a scale of its own, lower
/// case: the gas trade's "bcf" is a billion cubic feet, "mmbtu" a million
/// Btu. So "1.6 bcf" and "1.6 billion cubic feet" give the same value and
/// unit.
pub(crate) fn measure_scale(p: &str) -> f64 {
    match p {
        "mmcf" | "mmbtu" => 1e6,
        "bcf" => 1e9,
        "tcf" => 1e12,
        _ => 1.0,
    }
}

/// A rate's denominator written as a scale and a unit ("per mln Btu",
/// "per thousand cubic feet"): the trade's symbol for it. Prices are quoted
/// per so many units, and dividing them down would give no usable number.
pub(crate) fn scaled_denominator(scale: &str, unit: &str) -> Option<&'static str> {
    let thousand = scale == "thousand";
    let million = matches!(scale, "mln" | "million" | "mn");
    Some(match unit {
        "btu" | "btus" if million => "MMBtu",
        "cubic feet" | "cubic foot" | "cu ft" if thousand => "mcf",
        "cubic feet" | "cubic foot" | "cu ft" if million => "MMcf",
        _ => return None,
    })
}

/// Denominators of a rate ("per barrel", "a year", "/kg"): the unit the
/// rate is per.
pub(crate) fn rate_denominator(w: &str) -> Option<&'static str> {
    // Scaled symbols stay as written: "2.17 dlrs per mcf" is a price per
    // thousand cubic feet.
    match w {
        "mmcf" => return Some("MMcf"),
        "bcf" => return Some("Bcf"),
        "mmbtu" => return Some("MMBtu"),
        _ => {}
    }
    if let Some((u, _)) = unit_lower(w) {
        if !u.is_empty() && u != "%" {
            return Some(u);
        }
    }
    Some(match w {
        "capita" | "head" | "person" => "capita",
        "share" => "share",
        "barrel" => "bbl",
        "annum" => "yr",
        "quarter" => "qtr",
        "household" => "household",
        "unit" => "unit",
        "passenger" => "passenger",
        _ => return None,
    })
}

/// Month names and abbreviations, lower case (a number next to one is a
/// date).
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Words before a small spelled-out count that make it a reference to
/// things already named rather than a figure ("the two nations", "their
/// three children", "the other two", "all four").
pub(crate) fn is_count_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "these"
            | "those"
            | "this"
            | "that"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "all"
            | "both"
            | "other"
            | "first"
            | "last"
            | "next"
            | "past"
            | "previous"
            | "top"
            | "only"
            | "same"
            | "which"
            | "whose"
    )
}

/// Nouns after which a number names an item rather than counting
/// ("band two", "phase three", "page four", "years one and two").
pub(crate) fn is_label_noun(w: &str) -> bool {
    matches!(
        w,
        "band"
            | "phase"
            | "stage"
            | "round"
            | "level"
            | "tier"
            | "grade"
            | "class"
            | "category"
            | "year"
            | "years"
            | "day"
            | "days"
            | "week"
            | "game"
            | "games"
            | "match"
            | "chapter"
            | "page"
            | "section"
            | "part"
            | "step"
            | "act"
            | "scene"
            | "season"
            | "episode"
            | "volume"
            | "lane"
            | "gate"
            | "platform"
            | "terminal"
            | "zone"
            | "channel"
            | "option"
            | "room"
            | "floor"
            | "division"
            | "pillar"
            | "article"
            | "clause"
            | "paragraph"
            | "item"
            | "question"
            | "exercise"
            | "figure"
            | "table"
            | "version"
            | "number"
            | "no"
    )
}

/// Capitalised words that may stand before a number without making it
/// part of a name ("About 50", "In 2024", "Over 60%").
pub(crate) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "about"
            | "above"
            | "across"
            | "after"
            | "against"
            | "all"
            | "almost"
            | "along"
            | "also"
            | "among"
            | "and"
            | "another"
            | "any"
            | "approximately"
            | "are"
            | "around"
            | "as"
            | "at"
            | "be"
            | "before"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "circa"
            | "costs"
            | "down"
            | "during"
            | "each"
            | "even"
            | "every"
            | "exactly"
            | "few"
            | "for"
            | "from"
            | "had"
            | "has"
            | "have"
            | "he"
            | "her"
            | "his"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "just"
            | "least"
            | "less"
            | "like"
            | "many"
            | "more"
            | "most"
            | "much"
            | "nearly"
            | "no"
            | "nor"
            | "not"
            | "of"
            | "off"
            | "on"
            | "only"
            | "or"
            | "our"
            | "out"
            | "over"
            | "per"
            | "plus"
            | "roughly"
            | "she"
            | "since"
            | "so"
            | "some"
            | "than"
            | "that"
            | "their"
            | "then"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "total"
            | "under"
            | "until"
            | "up"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "will"
            | "with"
            | "within"
            | "would"
            | "yes"
            | "you"
            | "your"
    )
}

/// Words that end a measured noun phrase.
pub(crate) fn is_np_stop(w: &str) -> bool {
    is_function_word(w)
        && !matches!(
            w,
            "total" | "least" | "most" | "many" | "much" | "few" | "less" | "more"
        )
        || matches!(
            w,
            "was"
                | "is"
                | "are"
                | "were"
                | "be"
                | "been"
                | "has"
                | "have"
                | "had"
                | "did"
                | "does"
                | "do"
        )
        // Adverbs, conjunctions and participles that follow a noun phrase
        // ("paper here", "a unit comprised of", "shares because", "notes
        // due 1997", "silicon instead of").
        || matches!(
            w,
            "here"
                | "there"
                | "instead"
                | "because"
                | "due"
                | "comprised"
                | "comprising"
                | "including"
                | "included"
                | "yesterday"
                | "today"
                | "tomorrow"
                | "now"
                | "currently"
                | "respectively"
                | "already"
                | "ago"
                | "held"
                | "owned"
                // Modal and common verbs after the noun phrase ("of the
                // board must", "of the vote went", "of voters said").
                | "must"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "shall"
                | "went"
                | "came"
                | "said"
                | "says"
                | "say"
                | "rose"
                | "fell"
                | "grew"
                | "remain"
                | "remains"
                | "remained"
                | "agreed"
                | "voted"
        )
}

/// Words that state a fraction or a multiplier on their own ("half",
/// "twice", "doubled"): a figure may start at them.
pub fn multiplier_word(w: &str) -> bool {
    matches!(
        w,
        "half"
            | "quarter"
            | "twice"
            | "thrice"
            | "doubled"
            | "doubles"
            | "doubling"
            | "tripled"
            | "triples"
            | "tripling"
            | "trebled"
            | "quadrupled"
            | "quadruples"
            | "quadrupling"
            | "halved"
            | "halving"
    )
}
