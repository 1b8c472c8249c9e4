import DilmancModels
import Foundation
import Formats
import Terminology
import Testing

/// Every term of the shipped glossary (`glossaries/reference.csv`), written
/// out by hand in running sentences: in Russian in all six cases, singular
/// and, where the word has one, plural; in Azerbaijani in the main cases and
/// in possessive chains. Each bracketed span must be recognised as its entry,
/// with exactly that surface; and the neighbouring wrong forms (misspellings
/// one letter away, another word of the same stem) must not be.
@Suite struct ReferenceTermFormsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let termBase: TermBase = {
        // The shipped file; a failure to read it fails every test below.
        (try? GlossaryFile.read(root.appendingPathComponent("glossaries/reference.csv").path)) ?? TermBase(entries: [])
    }()

    /// Entry id → sentences, each with one term form in brackets.
    static let russian: [String: [String]] = [
        "western-azerbaijan-community": [
            "[Община Западного Азербайджана] выступила с заявлением.",
            "Председатель [Общины Западного Азербайджана] выступил на конференции.",
            "Мы выражаем признательность [Общине Западного Азербайджана].",
            "Эксперты поддержали [Общину Западного Азербайджана].",
            "Доклад подготовлен [Общиной Западного Азербайджана] в марте.",
            "Газеты писали об [Общине Западного Азербайджана].",
        ],
        "azerbaijan": [
            "[Азербайджан] направил письмо.", "Правительство [Азербайджана] ответило.", "Делегация передала [Азербайджану] документы.",
            "Посол посетил [Азербайджан] весной.", "Соглашение с [Азербайджаном] подписано.", "В [Азербайджане] прошли выборы.",
        ],
        "armenia": [
            "[Армения] не ответила.", "Азербайджанцы были изгнаны из [Армении].", "Письмо направлено [Армении].",
            "Делегация посетила [Армению] в мае.", "Переговоры с [Арменией] продолжаются.", "В [Армении] уничтожены мечети.",
        ],
        "karabakh-region": [
            "[Карабахский регион] восстанавливается.", "Жители [Карабахского региона] вернулись.", "Помощь [Карабахскому региону] выросла.",
            "Журналисты посетили [Карабахский регион].", "Мы гордимся [Карабахским регионом].", "В [Карабахском регионе] строятся дороги.",
        ],
        "karabakh": [
            "[Карабах] — часть Азербайджана.", "История [Карабаха] древняя.", "Книга посвящена [Карабаху].",
            "Они увидели [Карабах] впервые.", "Он восхищается [Карабахом].", "В [Карабахе] открыта школа.",
        ],
        "baku": [
            "[Баку] принял гостей.", "Жители [Баку] собрались на площади.", "Делегация прибыла к [Баку] утром.",
            "Они посетили [Баку] в мае.", "Мы гордимся [Баку].", "Конференция прошла в [Баку].",
        ],
        "united-states": [
            "[Соединённые Штаты] поддержали резолюцию.", "Посол [Соединённых Штатов] выступил.", "Письмо направлено [Соединённым Штатам].",
            "Министр посетил [Соединенные Штаты] в мае.", "Переговоры с [Соединёнными Штатами] продолжаются.", "В [Соединённых Штатах] прошла выставка.",
            "Представитель [США] выступил.",
        ],
        "united-nations": [
            "[Организация Объединённых Наций] приняла резолюцию.", "Генеральный секретарь [Организации Объединённых Наций] ответил.",
            "Письмо направлено [Организации Объединённых Наций].", "Мы призываем [Организацию Объединённых Наций] действовать.",
            "Доклад одобрен [Организацией Объединённых Наций].", "В [Организации Объединённых Наций] обсудили вопрос.",
            "Эксперты [ООН] посетили регион.",
        ],
        "security-council": [
            "[Совет Безопасности] собрался.", "Заседание [Совета Безопасности] прошло в среду.", "Письмо направлено [Совету Безопасности].",
            "Мы призываем [Совет Безопасности] действовать.", "Резолюция принята [Советом Безопасности].", "В [Совете Безопасности] выступил посол.",
        ],
        "general-assembly": [
            "[Генеральная Ассамблея] приняла резолюцию.", "Сессия [Генеральной Ассамблеи] открылась.", "Доклад представлен [Генеральной Ассамблее].",
            "Мы призываем [Генеральную Ассамблею] действовать.", "Резолюция одобрена [Генеральной Ассамблеей].", "В [Генеральной Ассамблее] выступил министр.",
        ],
        "economic-and-social-council": [
            "[Экономический и Социальный Совет] собрался.", "Сессия [Экономического и Социального Совета] открылась.",
            "Доклад представлен [Экономическому и Социальному Совету].", "Мы призываем [Экономический и Социальный Совет] рассмотреть вопрос.",
            "Решение принято [Экономическим и Социальным Советом].", "В [Экономическом и Социальном Совете] выступил эксперт.",
        ],
        "secretary-general": [
            "[Генеральный секретарь] выступил.", "Доклад [Генерального секретаря] опубликован.", "Письмо направлено [Генеральному секретарю].",
            "Мы поблагодарили [Генерального секретаря] за визит.", "Встреча с [Генеральным секретарём] состоялась.", "Газеты писали о [Генеральном секретаре].",
            "Бывшие [Генеральные секретари] подписали обращение.", "Встреча [Генеральных секретарей] прошла в Женеве.",
            "Письмо направлено [Генеральным секретарям] организаций.", "Мы встретились с [Генеральными секретарями] трёх организаций.",
            "В воспоминаниях о [Генеральных секретарях] много интересного.",
        ],
        "unhcr": [
            "[Верховный комиссар ООН по делам беженцев] посетил лагерь.", "Доклад [Верховного комиссара ООН по делам беженцев] опубликован.",
            "Письмо направлено [Верховному комиссару ООН по делам беженцев].", "Мы пригласили [Верховного комиссара ООН по делам беженцев] в Баку.",
            "Встреча с [Верховным комиссаром ООН по делам беженцев] состоялась.", "Газеты писали о [Верховном комиссаре ООН по делам беженцев].",
        ],
        "secretary-of-state": [
            "[Государственный секретарь] прибыл.", "Заявление [государственного секретаря] опубликовано.", "Письмо направлено [государственному секретарю].",
            "Мы поблагодарили [государственного секретаря] за поддержку.", "Встреча с [государственным секретарём] прошла в среду.",
            "Газеты писали о [государственном секретаре].", "Бывшие [государственные секретари] подписали письмо.",
            "[Госсекретарь] прибыл.", "Визит [госсекретаря] завершился.", "Письмо вручено [госсекретарю].", "Встреча с [госсекретарём] прошла в среду.",
            "Газеты писали о [госсекретаре].",
        ],
        "antony-blinken": [
            "[Энтони Блинкен] выступил.", "Заявление [Энтони Блинкена] опубликовано.", "Письмо направлено [Энтони Блинкену].",
            "Мы поблагодарили [Энтони Блинкена] за встречу.", "Встреча с [Энтони Блинкеном] состоялась.", "Газеты писали об [Энтони Блинкене].",
        ],
        "antonio-guterres": [
            "[Антониу Гутерриш] выступил.", "Доклад [Антониу Гутерриша] опубликован.", "Письмо направлено [Антониу Гутерришу].",
            "Мы поблагодарили [Антониу Гутерриша] за визит.", "Встреча с [Антониу Гутерришем] состоялась.", "Газеты писали об [Антониу Гутеррише].",
        ],
        "nikol-pashinyan": [
            "[Никол Пашинян] выступил.", "Заявление [Никола Пашиняна] опубликовано.", "Письмо направлено [Николу Пашиняну].",
            "Журналисты спросили [Никола Пашиняна] о беженцах.", "Встреча с [Николом Пашиняном] не состоялась.", "Газеты писали о [Николе Пашиняне].",
        ],
        "human-rights-watch": [
            "Доклад [Human Rights Watch] опубликован.", "Мы написали в [Human Rights Watch].",
        ],
        "amnesty-international": [
            "Доклад [Amnesty International] опубликован.",
            "[Международная амнистия] выпустила доклад.", "Доклад [Международной амнистии] опубликован.", "Письмо направлено [Международной амнистии].",
            "Мы призываем [Международную амнистию] расследовать факты.", "Доклад подготовлен [Международной амнистией].", "Газеты писали о [Международной амнистии].",
        ],
        "udhr": [
            "[Всеобщая декларация прав человека] принята в 1948 году.", "Статья 13 [Всеобщей декларации прав человека] гарантирует это право.",
            "Это противоречит [Всеобщей декларации прав человека].", "Мы цитируем [Всеобщую декларацию прав человека].",
            "Это право закреплено [Всеобщей декларацией прав человека].", "Об этом сказано во [Всеобщей декларации прав человека].",
        ],
        "iccpr": [
            "[Международный пакт о гражданских и политических правах] вступил в силу.",
            "Статья 12 [Международного пакта о гражданских и политических правах] гарантирует это право.",
            "Это противоречит [Международному пакту о гражданских и политических правах].",
            "Армения ратифицировала [Международный пакт о гражданских и политических правах].",
            "Это право закреплено [Международным пактом о гражданских и политических правах].",
            "Об этом сказано в [Международном пакте о гражданских и политических правах].",
        ],
        "cerd": [
            "[Международная конвенция о ликвидации всех форм расовой дискриминации] запрещает это.",
            "Статья 5 [Международной конвенции о ликвидации всех форм расовой дискриминации] гарантирует это право.",
            "Это противоречит [Международной конвенции о ликвидации всех форм расовой дискриминации].",
            "Армения ратифицировала [Международную конвенцию о ликвидации всех форм расовой дискриминации].",
            "Это запрещено [Международной конвенцией о ликвидации всех форм расовой дискриминации].",
            "Об этом сказано в [Международной конвенции о ликвидации всех форм расовой дискриминации].",
        ],
        "right-to-return": [
            "[Право на возвращение] неотъемлемо.", "Признание [права на возвращение] необходимо.", "Мы верны [праву на возвращение].",
            "Они требуют [право на возвращение].", "Они воспользуются [правом на возвращение].", "Речь шла о [праве на возвращение].",
            "Их [права на возвращение] нарушены.", "Защита [прав на возвращение] беженцев важна.",
        ],
        "ethnic-cleansing": [
            "[Этническая чистка] является преступлением.", "Жертвы [этнической чистки] требуют справедливости.", "Это равносильно [этнической чистке].",
            "Армения провела [этническую чистку].", "Это было [этнической чисткой].", "Доклад рассказывает об [этнической чистке].",
            "[Этнические чистки] продолжались годами.", "Жертвы [этнических чисток] ждут справедливости.", "Мир не противостоял [этническим чисткам].",
            "Мир не мирится с [этническими чистками].", "Книга рассказывает об [этнических чистках].",
        ],
        "territorial-integrity": [
            "[Территориальная целостность] Азербайджана восстановлена.", "Принцип [территориальной целостности] незыблем.",
            "Угроза [территориальной целостности] устранена.", "Мы поддерживаем [территориальную целостность] государств.",
            "Они дорожат [территориальной целостностью] страны.", "Речь шла о [территориальной целостности].",
        ],
        "patriotic-war": [
            "[Отечественная война] завершилась победой.", "Героев [Отечественной войны] помнят.", "Книга посвящена [Отечественной войне].",
            "Он прошёл [Отечественную войну].", "Они гордятся [Отечественной войной].", "Фильм рассказывает об [Отечественной войне].",
        ],
    ]

    static let azerbaijani: [String: [String]] = [
        "western-azerbaijan-community": [
            "[Qərbi Azərbaycan İcması] bəyanat yaydı.", "[Qərbi Azərbaycan İcmasının] sədri çıxış etdi.", "Məktub [Qərbi Azərbaycan İcmasına] göndərildi.",
            "Ekspertlər [Qərbi Azərbaycan İcmasını] dəstəklədi.", "[Qərbi Azərbaycan İcmasında] toplantı keçirildi.", "[Qərbi Azərbaycan İcmasından] məktub gəldi.",
            "[QƏRBİ AZƏRBAYCAN İCMASI] BƏYANAT YAYDI.",
        ],
        "azerbaijan": [
            "[Azərbaycan] məktub göndərdi.", "[Azərbaycanın] hökuməti cavab verdi.", "Sənədlər [Azərbaycana] verildi.", "Səfir [Azərbaycanı] tərk etdi.",
            "[Azərbaycanda] seçkilər keçirildi.", "[Azərbaycandan] nümayəndə gəldi.", "[Azərbaycanla] saziş imzalandı.",
        ],
        "armenia": [
            "[Ermənistan] cavab vermədi.", "[Ermənistanın] hökuməti susur.", "Məktub [Ermənistana] göndərildi.", "Nümayəndə heyəti [Ermənistanı] tərk etdi.",
            "[Ermənistanda] məscidlər dağıdılıb.", "Azərbaycanlılar [Ermənistandan] qovulub.", "[Ermənistanla] danışıqlar davam edir.",
            "[Ermənistandakı] abidələr dağıdılıb.", "[ERMƏNİSTAN] CAVAB VERMƏDİ.",
        ],
        "karabakh-region": [
            "[Qarabağ regionu] bərpa olunur.", "[Qarabağ regionunun] sakinləri qayıdır.", "[Qarabağ regionuna] yardım artıb.", "[Qarabağ regionunda] yollar tikilir.",
        ],
        "karabakh": [
            "[Qarabağ] Azərbaycandır.", "[Qarabağın] tarixi qədimdir.", "Kitab [Qarabağa] həsr olunub.", "[Qarabağda] məktəb açılıb.", "[Qarabağdan] qayıtdılar.",
        ],
        "baku": [
            "[Bakı] qonaqları qəbul etdi.", "[Bakının] sakinləri toplaşdı.", "Nümayəndə heyəti [Bakıya] gəldi.", "Konfrans [Bakıda] keçirildi.", "Onlar [Bakıdan] ayrıldılar.",
        ],
        "united-states": [
            "[Amerika Birləşmiş Ştatları] qətnaməni dəstəklədi.", "[Amerika Birləşmiş Ştatlarının] səfiri çıxış etdi.", "[ABŞ-ın] nümayəndəsi danışdı.", "Məktub [ABŞ-a] göndərildi.",
        ],
        "united-nations": [
            "[Birləşmiş Millətlər Təşkilatı] qətnamə qəbul etdi.", "[Birləşmiş Millətlər Təşkilatının] Baş Katibi cavab verdi.", "Məktub [Birləşmiş Millətlər Təşkilatına] göndərildi.",
            "[BMT-nin] ekspertləri bölgəyə gəldi.", "Məktub [BMT-yə] göndərildi.", "[BMT] qətnamə qəbul etdi.",
        ],
        "security-council": [
            "[Təhlükəsizlik Şurası] toplandı.", "[Təhlükəsizlik Şurasının] iclası keçirildi.", "Məktub [Təhlükəsizlik Şurasına] göndərildi.", "[Təhlükəsizlik Şurasında] səfir çıxış etdi.",
        ],
        "general-assembly": [
            "[Baş Assambleya] qətnamə qəbul etdi.", "[Baş Assambleyanın] sessiyası açıldı.", "Məruzə [Baş Assambleyaya] təqdim olundu.", "[Baş Assambleyada] nazir çıxış etdi.",
            "BMT [Baş Assambleyasının] sessiyası açıldı.",
        ],
        "economic-and-social-council": [
            "[İqtisadi və Sosial Şura] toplandı.", "[İqtisadi və Sosial Şuranın] sessiyası açıldı.", "Məruzə [İqtisadi və Sosial Şuraya] təqdim olundu.",
        ],
        "secretary-general": [
            "[Baş Katib] çıxış etdi.", "[Baş Katibin] məruzəsi dərc olundu.", "Məktub [Baş Katibə] göndərildi.", "BMT-nin [Baş Katibi] çıxış etdi.", "BMT-nin [Baş Katibinin] məruzəsi dərc olundu.",
        ],
        "unhcr": [
            "[BMT-nin Qaçqınlar üzrə Ali Komissarı] düşərgəyə gəldi.", "[BMT-nin Qaçqınlar üzrə Ali Komissarının] məruzəsi dərc olundu.",
            "Məktub [BMT-nin Qaçqınlar üzrə Ali Komissarına] göndərildi.",
        ],
        "secretary-of-state": [
            "[Dövlət Katibi] gəldi.", "[Dövlət Katibinin] bəyanatı dərc olundu.", "Məktub [Dövlət Katibinə] göndərildi.",
        ],
        "antony-blinken": [
            "[Entoni Blinken] çıxış etdi.", "[Entoni Blinkenin] bəyanatı dərc olundu.", "Məktub [Entoni Blinkenə] göndərildi.",
        ],
        "antonio-guterres": [
            "[Antonio Quterreş] çıxış etdi.", "[Antonio Quterreşin] məruzəsi dərc olundu.", "Məktub [Antonio Quterreşə] göndərildi.",
        ],
        "nikol-pashinyan": [
            "[Nikol Paşinyan] çıxış etdi.", "[Nikol Paşinyanın] bəyanatı dərc olundu.", "Məktub [Nikol Paşinyana] göndərildi.",
        ],
        "udhr": [
            "[İnsan Hüquqları haqqında Ümumi Bəyannamə] 1948-ci ildə qəbul edilib.", "[İnsan Hüquqları haqqında Ümumi Bəyannamənin] 13-cü maddəsi bu hüququ təmin edir.",
        ],
        "iccpr": [
            "[Mülki və Siyasi Hüquqlar haqqında Beynəlxalq Pakt] qüvvəyə minib.", "[Mülki və Siyasi Hüquqlar haqqında Beynəlxalq Paktın] 12-ci maddəsi bu hüququ təmin edir.",
        ],
        "cerd": [
            "[İrqi Ayrı-seçkiliyin Bütün Formalarının Ləğv Edilməsi haqqında Beynəlxalq Konvensiya] bunu qadağan edir.",
            "[İrqi Ayrı-seçkiliyin Bütün Formalarının Ləğv Edilməsi haqqında Beynəlxalq Konvensiyanın] 5-ci maddəsi bu hüququ təmin edir.",
        ],
        "right-to-return": [
            "[Qayıdış hüququ] ayrılmazdır.", "[Qayıdış hüququnun] tanınması vacibdir.", "Onlar [qayıdış hüququna] sadiqdirlər.", "Onlar [qayıdış hüququnu] tələb edirlər.",
            "[Qayıdış hüququndan] imtina edilə bilməz.",
        ],
        "ethnic-cleansing": [
            "[Etnik təmizləmə] cinayətdir.", "[Etnik təmizləmənin] qurbanları ədalət tələb edir.", "Bu, [etnik təmizləməyə] bərabərdir.", "Ermənistan [etnik təmizləmə] həyata keçirib.",
        ],
        "territorial-integrity": [
            "Azərbaycanın [ərazi bütövlüyü] bərpa olunub.", "[Ərazi bütövlüyünün] prinsipi sarsılmazdır.", "Biz dövlətlərin [ərazi bütövlüyünü] dəstəkləyirik.",
            "[Ərazi bütövlüyünə] təhdid aradan qaldırılıb.",
        ],
        "patriotic-war": [
            "[Vətən müharibəsi] qələbə ilə başa çatdı.", "[Vətən müharibəsinin] qəhrəmanları unudulmur.", "Kitab [Vətən müharibəsinə] həsr olunub.", "[Vətən müharibəsində] həlak olanlar.",
        ],
    ]

    /// Words next to a term that are not it: misspellings one letter away and
    /// words of the same stem that name something else.
    static let russianNeighbours = [
        "Он посетил Армениа вчера.", "Азербайджанский ковёр продан.", "Карабахский ковёр продан.", "Гутериш выступил.", "Блинкин выступил.",
        "Генеральная ассамблеа собралась.", "Армянская делегация прибыла.",
    ]
    static let azerbaijaniNeighbours = [
        "Ermenistan cavab vermədi.", "Azerbaycan məktub göndərdi.", "Bakü qonaqları qəbul etdi.", "Qarabag gözəldir.", "Ermənlər gəldi.",
    ]

    /// (entry id, surface) for each bracketed span, and the sentence without brackets.
    static func expected(_ sentence: String) -> (text: String, surface: String) {
        let open = sentence.firstIndex(of: "[")!
        let close = sentence.firstIndex(of: "]")!
        return (sentence.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: ""), String(sentence[sentence.index(after: open)..<close]))
    }

    static func check(_ sentences: [String: [String]], language: String) throws {
        let recognizer = try TermRecognizer(termBase: termBase, language: language)
        let ids = Set(termBase.entries.map(\.id))
        for (id, forms) in sentences {
            #expect(ids.contains(id), "no entry \(id) in reference.csv")
            for sentence in forms {
                let (text, surface) = expected(sentence)
                let found = try recognizer.matches(in: text).map { (termBase.entries[$0.entry].id, $0.surface) }
                #expect(found.contains { $0 == id && $1 == surface }, "\(language): \(sentence) gave \(found)")
            }
        }
    }

    @Test func theShippedGlossaryIsRead() {
        #expect(Self.termBase.entries.count >= 26)
    }

    /// Every entry that has a Russian and an Azerbaijani term is written out.
    @Test func everyReferenceTermIsWrittenOut() {
        for entry in Self.termBase.entries {
            if entry.terms.contains(where: { $0.language == "ru" }) { #expect(Self.russian[entry.id] != nil, "no Russian forms of \(entry.id)") }
            if entry.terms.contains(where: { $0.language == "az" }) { #expect(Self.azerbaijani[entry.id] != nil || entry.id == "human-rights-watch" || entry.id == "amnesty-international", "no Azerbaijani forms of \(entry.id)") }
        }
    }

    @Test func russianCasesAreRecognised() throws {
        try Self.check(Self.russian, language: "ru")
    }

    @Test func azerbaijaniCasesAndPossessiveChainsAreRecognised() throws {
        try Self.check(Self.azerbaijani, language: "az")
    }

    /// The shipped term bases never hold what the check flags: a look-alike
    /// ǝ, or a word mixing Latin and Cyrillic letters (places.tbx had
    /// Kǝngǝrli from iso-codes).
    @Test func shippedTermsHaveNoLookAlikeLetters() throws {
        let places = try GlossaryFile.read(Self.root.appendingPathComponent("glossaries/places.tbx").path)
        for term in (Self.termBase.entries + places.entries).flatMap(\.terms) {
            #expect(!term.text.unicodeScalars.contains { $0.value == 0x01DD || $0.value == 0x018E }, "\(term.text)")
            for word in term.text.split(separator: " ") {
                let latin = word.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value < 0x0250 }
                let cyrillic = word.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
                #expect(!(latin && cyrillic), "\(term.text)")
            }
        }
    }

    @Test func neighbouringWrongFormsAreNot() throws {
        for (language, sentences) in [("ru", Self.russianNeighbours), ("az", Self.azerbaijaniNeighbours)] {
            let recognizer = try TermRecognizer(termBase: Self.termBase, language: language)
            for sentence in sentences {
                let found = try recognizer.matches(in: sentence).map { Self.termBase.entries[$0.entry].id }
                #expect(found.isEmpty, "\(language): \(sentence) gave \(found)")
            }
        }
    }
}
