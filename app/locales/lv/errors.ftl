# What can go wrong, as the server reports it and the browser words it.

error-not-found-text = Lapa nav atrasta.
error-unauthorized = Nepieciešams pieteikties.
error-forbidden = Jums nav tiesību to darīt.
error-bad-credentials = Nepareiza e-pasta adrese vai parole.
error-too-many-attempts = Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc { $seconds } s.
error-conflict = Kāds cits šo ierakstu jau ir mainījis.
error-in-trash = Kāds šo ierakstu pārvietoja uz miskasti. Atjaunot to var no miskastes redakcijas lapā.
error-internal = Servera kļūda. Lūdzu, mēģiniet vēlreiz.
error-unavailable = Serviss īslaicīgi nav pieejams. Lūdzu, mēģiniet vēlreiz pēc brīža.
error-bad-request = Nederīgs pieprasījums: { $reason }
error-transport = Savienojuma kļūda: { $reason }
error-too-large = Nosūtītais ir par lielu ({ $size } kB; atļauti { $max } kB). Attēlus ievietojiet ar attēla pogu, nevis ielīmējot.

## Fields editors fill in

invalid-title-empty = Virsraksts nedrīkst būt tukšs.
invalid-title-long = Virsraksts nedrīkst būt garāks par { $max } zīmēm.
invalid-lead-long = Ievads nedrīkst būt garāks par { $max } zīmēm.
invalid-contact-long = Kontaktinformācija nedrīkst būt garāka par { $max } zīmēm.
invalid-summary-long = Īsais apraksts nedrīkst būt garāks par { $max } zīmēm.
invalid-location-long = Vieta nedrīkst būt garāka par { $max } zīmēm.
invalid-event-too-long = Notikums nedrīkst ilgt ilgāk par { $days } dienām; garākam notikumam izveidojiet vairākus.
invalid-event-start-after-series = Šī notikuma sērija beidzas { $until }: notikums nevar sākties vēlāk.
invalid-body-long = Teksts ir par garu ({ $size } kB; atļauti { $max } kB).
invalid-body-nesting = Teksts ir ligzdots pārāk dziļi (saraksti sarakstos vai citāti citātos vairāk nekā { $max } līmeņos).
invalid-slug-empty = Adresē jābūt vismaz vienam burtam vai ciparam.
invalid-slug-year = Četri cipari ir arhīva gada adrese.
invalid-slug-taken = Šī adrese jau ir aizņemta.
invalid-category = Nav tādas kategorijas.
invalid-alt-text = Katram attēlam pirms publicēšanas vajag aprakstu (alt tekstu).
invalid-article-empty = Pirms publicēšanas rakstam vajag ievadu vai tekstu.
invalid-show-unwritten = Rakstam vēl nav publicēta teksta: publicējiet to ar pogu „Publicēt”.
invalid-event-title-empty = Nosaukums nedrīkst būt tukšs.
invalid-event-title-long = Nosaukums nedrīkst būt garāks par { $max } zīmēm.
invalid-event-body-long = Apraksts ir par garu ({ $size } kB; atļauti { $max } kB).
invalid-date = Nav tāda datuma (jābūt GGGG-MM-DD).
invalid-date-years = Datumam jābūt no { $first }. līdz { $last }. gadam.
invalid-time = Nav tāda laika (jābūt SS:MM).
invalid-time-skipped = Šī laika tajā dienā nav: naktī pulksteņus pagriež stundu uz priekšu (no 03:00 uz 04:00).
invalid-end-before-start = Beigas nevar būt pirms sākuma.
invalid-move-recurring = Atkārtotu notikumu pārceļ tā lapā, mainot sākuma datumu.
invalid-translation-lang = Latviešu teksts ir pats oriģināls; tulkot var angļu vai krievu valodā.
invalid-translation-untranslated = Nekas vēl nav iztulkots: iztulkojiet vismaz virsrakstu.
