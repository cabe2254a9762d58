// Abstract storage specification tests.
