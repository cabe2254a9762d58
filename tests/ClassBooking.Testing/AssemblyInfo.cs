// Shared test infrastructure: throwaway PostgreSQL clusters and SQLite databases.
