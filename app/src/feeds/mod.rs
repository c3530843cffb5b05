//! Calendar feeds for other programs: iCalendar files and the JSON event API.

pub mod ics;
