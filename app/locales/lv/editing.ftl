# Editors' tools: the desk, the editors, history and conflicts.

## Editing an article or event where it stands

editor-opening = Atver rediģēšanai…
# The editing toolbar, as a named region.
editor-bar = Rediģēšana
# The page title while editing.
editor-editing = Rediģē: { $title }
editor-edit-article = Rediģēt šo rakstu
editor-edit-event = Rediģēt notikumu
editor-save-draft = Saglabāt melnrakstu
editor-save-event = Saglabāt notikumu
editor-publish = Publicēt
editor-stop = Beigt rediģēt
editor-delete = Dzēst
editor-article-delete-question = Pārvietot šo rakstu uz miskasti? To varēs atjaunot redakcijas lapā.
editor-event-delete-question = Pārvietot šo notikumu uz miskasti?
editor-readers-see-published = Lasītāji redz publicēto versiju.
editor-recurring-note = Atkārtots notikums: datumi ir pirmās reizes datumi; atkārtošanās kārtība paliek.

## Where the work stands ($at is a time, or a date and time)

editor-state-unchanged = Nav izmaiņu
editor-state-unsaved = Nesaglabātas izmaiņas…
editor-state-saving = Saglabā…
editor-state-saved = Melnraksts saglabāts { $at }
editor-state-failed = Neizdevās saglabāt: { $reason }
editor-published-at = Publicēts { $at }
editor-saved-as-draft-at = Saglabāts kā melnraksts { $at }
# Why a save failed: it follows "Neizdevās saglabāt:".
editor-saved-meanwhile = kāds cits pa to laiku saglabāja savu versiju; izvēlieties, ko paturēt, virs laukiem
editor-saved-meanwhile-kept = Melnraksts ir saglabāts, bet kāds cits pa to laiku saglabāja savu versiju: virs laukiem izvēlieties, ko paturēt
editor-kept-as-draft = Teksts saglabāts kā melnraksts.
editor-choose-first = vispirms virs laukiem izvēlieties, ko paturēt
editor-choose-first-saved = Melnraksts ir saglabāts; vispirms virs laukiem izvēlieties, ko paturēt
editor-taken-in = Cits redaktors pa to laiku saglabāja izmaiņas daļās, kuras jūs kopš tā laika nemainījāt ({ $parts }): tās tagad ir jūsu tekstā.
editor-no-answer = serveris neatbildēja; teksts joprojām ir šeit, mēģiniet vēlreiz (Ctrl+S)
editor-no-answer-write = serveris neatbildēja; teksts joprojām ir šeit, mēģiniet vēlreiz
editor-signed-out = jūs vairs neesat pieteicies; teksts joprojām ir šeit: piesakieties vēlreiz citā cilnē, tad saglabājiet (Ctrl+S)
editor-text-in-trash = kāds šo ierakstu pārvietoja uz miskasti; teksts joprojām ir šeit: atjaunojiet ierakstu no miskastes redakcijas lapā, tad saglabājiet (Ctrl+S)
editor-sign-in-again = Pieteikties (jaunā cilnē)
editor-leave-question = Ir nesaglabātas izmaiņas. Tiešām pamest lapu?

## Fields, as the editors, conflicts and history name them

editor-field-title = Virsraksts
editor-field-lead = Ievads
editor-field-body = Teksts
editor-field-contact = Kontaktinformācija
# An event's title.
editor-field-name = Nosaukums
# An event's dates and times as one part.
editor-field-when = Laiks
editor-field-location = Vieta
editor-field-category = Kategorija
editor-field-summary = Īss apraksts
editor-field-status = Statuss
editor-date = Datums
# A time of day; also the audit log's column.
editor-time = Laiks
editor-start = Sākums
editor-end = Beigas
editor-all-day = Visu dienu
editor-no-category = Bez kategorijas
editor-status-unpublished-hidden = Nepublicēts (lasītāji neredz)
editor-status-published = Publicēts
# An event's status as conflicts and history compare it.
editor-status-word-published = publicēts
editor-status-word-unpublished = nepublicēts

## An article's settings

editor-settings = Iestatījumi
editor-address = Adrese: { $path }
editor-address-save = Mainīt adresi
editor-address-changed = Adrese nomainīta.
editor-settings-save = Saglabāt iestatījumus
editor-settings-saved = Iestatījumi saglabāti.
editor-changed-meanwhile = Cits redaktors pa to laiku mainīja to pašu: tagad redzams viņa saglabātais. Ja vēlaties savu, izvēlieties vēlreiz un saglabājiet.
editor-choice-first = Cits redaktors pa to laiku mainīja tekstu: vispirms izvēlieties, ko paturēt, tad saglabājiet vēlreiz.

## The body editor's toolbar

editor-toolbar = Teksta formatēšana
editor-format-paragraph = Rindkopa
editor-format-heading = Virsraksts
editor-format-bold = Treknraksts
editor-format-italic = Slīpraksts
editor-format-link = Saite
editor-format-bulleted-list = Saraksts
editor-format-numbered-list = Numurēts saraksts
editor-format-quote = Citāts
editor-format-image = Attēls
editor-format-describe = Attēlu apraksti (alt teksts)
editor-describe-image = { $number }. attēla (no { $count }) apraksts tiem, kas to neredz (alt teksts)
editor-describe-none = Tekstā nav neviena attēla.
editor-link-question = Saites adrese (https://…)
editor-link-refused = Saiti var veidot tikai uz tīmekļa adresi (https://…), e-pastu (mailto:…), tālruni (tel:…) vai šīs vietnes lapu (/…).

## Images in the body

upload-choose-image = Izvēlēties attēlu
upload-uploading = Augšupielādē „{ $name }” ({ $size } kB)…
upload-progress = Augšupielāde
upload-alt-question = Attēla apraksts tiem, kas to neredz (alt teksts)
upload-no-alt = Attēlam nav apraksta: pievienojiet to pirms publicēšanas.
upload-not-an-image = Fails nav JPEG, PNG, WebP vai GIF attēls.
upload-too-large = Attēls ir par lielu: atļauti { $max } MB.
upload-too-many-pixels = Attēlā ir par daudz pikseļu: atļauti { $max } megapikseļi.
upload-unreadable = Attēlu nevar nolasīt: iespējams, fails ir bojāts.
upload-not-stored = Attēlu neizdevās saglabāt.
upload-not-processed = Attēlu neizdevās apstrādāt.
# An HTTP status code.
upload-failed-status = Kļūda { $status }
upload-in-browser-only = Attēlus augšupielādē pārlūkā.

## Someone else saved meanwhile

conflict-article-heading = Kāds cits saglabāja šo rakstu, kamēr jūs to rediģējāt
conflict-event-heading = Kāds cits saglabāja šo notikumu, kamēr jūs to rediģējāt
conflict-older-draft-heading = Šis melnraksts sākts no vecākas versijas: kopš tā saglabāta jaunāka
conflict-undoes-heading = Kamēr rediģējāt, kāds cits mainīja to, ko redz lasītāji: publicēšana to atsauktu
hidden-meanwhile-heading = Kamēr rediģējāt, kāds cits to paslēpa no lasītājiem
hidden-meanwhile-text = Lasītāji to pašlaik neredz. Ja publicēsiet, viņi to atkal redzēs.
hidden-meanwhile-publish = Tomēr publicēt
hidden-meanwhile-keep = Nepublicēt
conflict-intro = Nekas nav pazaudēts. Katrai atšķirīgajai daļai izvēlieties, ko paturēt, un saglabājiet.
# $who: an editor's e-mail address and a time, or one of the versions below.
conflict-theirs-by = Otra versija: { $who }
conflict-mine = Jūsu versija
conflict-theirs = Otra versija
conflict-only-theirs = Šo daļu mainīja tikai otrā versija, tāpēc tā tiek paturēta, ja vien neizvēlaties citādi.
conflict-keep-mine = Paturēt manu
conflict-keep-theirs = Paturēt otru
conflict-keep-both = Paturēt abas
conflict-save = Saglabāt izvēlēto
conflict-save-and-publish = Saglabāt izvēlēto un publicēt
conflict-save-to-event = Saglabāt izvēlēto notikumā
conflict-saved-version = saglabātā versija
conflict-other-editor = cits redaktors

## Version history

history-heading = Versiju vēsture
history-loading = Ielādē vēsturi…
history-version = { $version }. versija
history-current = pašreizējā versija
history-original = sākotnējā versija
history-restore = Atjaunot { $version }. versiju
history-restored = Versija { $version } atjaunota kā versija { $new }. Lapa tiek atjaunota…
history-restore-question = Atjaunot { $version }. versiju? Tā kļūs par jaunāko versiju; pašreizējā paliks vēsturē.
history-restore-unsaved = Jūsu nesaglabātās izmaiņas tiks zaudētas.
history-restored-now = Versija { $version } atjaunota kā versija { $new }.
history-compare-from = Salīdzināt no
history-compare-to = līdz
history-compare = Salīdzināt
history-differences = { $older }. un { $newer }. versijas atšķirības

## Translating ($language is the language's own name: English, Русский)

translation-start = Tulkot
translation-page-title = Tulko ({ $language }): { $title }
translation-visibility = Tulkojums: { $language }. Lasītāji to redz uzreiz pēc saglabāšanas.
translation-save = Saglabāt tulkojumu
translation-saved-at = Tulkojums saglabāts { $at }
translation-conflict-heading = Kāds cits saglabāja šo tulkojumu, kamēr jūs to rakstījāt
translation-conflict-other = cita redaktora tulkojums
translation-source-changed = Latviešu teksts ir mainīts kopš šī tulkojuma saglabāšanas: { $parts }. Pārbaudiet, vai tulkojums tam vēl atbilst.
translation-source-show = Rādīt izmaiņas latviešu tekstā
translation-source-hide = Slēpt izmaiņas
translation-source-differences = Izmaiņas latviešu tekstā kopš tulkojuma

## The editors' desk and the audit log

desk-heading = Redakcija
desk-description = Melnraksti un miskaste.
desk-new-article = + Jauns raksts
desk-drafts = Nepublicētie raksti un notikumi
desk-no-drafts = Nav nepublicētu rakstu vai notikumu.
desk-trash = Miskaste
desk-trash-empty = Miskaste ir tukša.
desk-event = Notikums
# Also the audit log's column of items.
desk-article = Raksts
desk-audit-item = Ieraksts
desk-deleted-at = izdzēsts { $when }
desk-restore = Atjaunot „{ $title }”
desk-restored = Atjaunots kā melnraksts.
desk-trashed = Pārvietots uz miskasti; to var atjaunot zemāk.
desk-audit-log = Darbību žurnāls
desk-audit-page = { $page }. lapa
desk-audit-description = Kas ko mainīja.
desk-audit-latest = Jaunākās darbības
desk-audit-empty = Žurnālā vēl nav nevienas darbības.
desk-audit-who = Kas
desk-audit-action = Darbība

## Adding and moving events on the month grid ($date as in date-long)

editor-add-event = Pievienot notikumu
editor-add-event-on = Pievienot notikumu: { $date }
editor-month-help = Redaktoriem: “+” dienā pievieno notikumu; notikumu var pārvilkt uz citu dienu vai, atrodoties tā dienā, nospiest M, ar bultiņām izvēlēties dienu un nospiest Enter. Skārienekrānā: pieskarieties ⇄ pie notikuma un tad dienai.
editor-move-event = Pārcelt „{ $title }” uz citu dienu
editor-move-by-keys = Pārceļ „{ $title }”: izvēlieties dienu ar bultiņām un spiediet Enter; Esc atceļ.
editor-move-by-touch = Pārceļ „{ $title }”: pieskarieties dienai, uz kuru to pārcelt; Esc atceļ.
editor-move-nothing = Šajā dienā nav notikuma, ko pārcelt.
editor-move-series = Atkārtotu notikumu nepārceļ pa vienai reizei: mainiet tā sākumu notikuma redaktorā.
editor-move-cancelled = Pārcelšana atcelta.
editor-moved = „{ $title }” pārcelts uz { $date }.
editor-move-failed = Neizdevās pārcelt „{ $title }”: { $reason }
editor-move-in-trash = kāds to pārvietoja uz miskasti; atjaunot to var redakcijas lapā.

## The audit log's actions

audit-created = izveidoja
audit-changed = mainīja
audit-published = publicēja
audit-changed-settings = mainīja iestatījumus
# A settings change that published the article, or hid it from readers.
audit-shown = parādīja lasītājiem
audit-hidden = paslēpa no lasītājiem
audit-changed-address = mainīja adresi
audit-deleted = izdzēsa
audit-restored = atjaunoja
audit-moved = pārcēla uz { $day }
audit-translated = { $code ->
    [ru] tulkoja krieviski
   *[other] tulkoja angliski
}
audit-restored-version = atjaunoja { $version }. versiju
