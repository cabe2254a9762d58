// Shared test infrastructure: throwaway PostgreSQL clusters and SQLite databases, and the third-party iCalendar parsers.
