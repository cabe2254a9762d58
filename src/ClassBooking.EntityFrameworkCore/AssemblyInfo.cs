// EF Core stores.
