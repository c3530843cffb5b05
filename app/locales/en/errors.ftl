# What can go wrong, as the server reports it and the browser words it.

error-not-found-text = The page was not found.
error-unauthorized = Please sign in.
error-forbidden = You are not allowed to do that.
error-bad-credentials = Wrong e-mail address or password.
error-too-many-attempts = Too many failed attempts. Try again in { $seconds } s.
error-conflict = Someone else has already changed this item.
error-in-trash = Someone moved this item to the trash. It can be restored from the trash on the editors' desk.
error-internal = Server error. Please try again.
error-unavailable = The service is briefly unavailable. Please try again in a moment.
error-bad-request = Invalid request: { $reason }
error-transport = Connection error: { $reason }
error-too-large = What was sent is too large ({ $size } kB; { $max } kB allowed). Insert images with the image button instead of pasting them.

## Fields editors fill in

invalid-title-empty = The title must not be empty.
invalid-title-long = The title must not be longer than { $max } characters.
invalid-lead-long = The lead must not be longer than { $max } characters.
invalid-contact-long = The contact line must not be longer than { $max } characters.
invalid-summary-long = The summary must not be longer than { $max } characters.
invalid-location-long = The place must not be longer than { $max } characters.
invalid-event-too-long = An event cannot last longer than { $days } days; split a longer one into several.
invalid-event-start-after-series = This event's series ends on { $until }: it cannot start later than that.
invalid-body-long = The text is too long ({ $size } kB; { $max } kB allowed).
invalid-body-nesting = The text is nested too deeply (lists in lists or quotes in quotes more than { $max } levels deep).
invalid-slug-empty = An address needs at least one letter or digit.
invalid-slug-year = Four digits are the address of an archive year.
invalid-slug-taken = This address is already taken.
invalid-category = There is no such category.
invalid-alt-text = Every image needs a description (alt text) before publishing.
invalid-article-empty = An article needs a lead or a text before it is published.
invalid-show-unwritten = The article has no published text yet: publish it with “Publish”.
invalid-event-title-empty = The title must not be empty.
invalid-event-title-long = The title must not be longer than { $max } characters.
invalid-event-body-long = The description is too long ({ $size } kB; { $max } kB allowed).
invalid-date = No such date (use YYYY-MM-DD).
invalid-date-years = The date must be in the years { $first } to { $last }.
invalid-time = No such time (use HH:MM).
invalid-time-skipped = That day has no such time: the clocks go forward an hour that night (from 03:00 to 04:00).
invalid-end-before-start = The end cannot come before the start.
invalid-move-recurring = A recurring event is moved on its own page, by changing its start date.
invalid-translation-lang = The Latvian text is the original; translations are into English or Russian.
invalid-translation-untranslated = Nothing is translated yet: translate at least the title.
