// bUnit tests of ClassBooking's Blazor components, rendered over the real core services and a SQLite store.
