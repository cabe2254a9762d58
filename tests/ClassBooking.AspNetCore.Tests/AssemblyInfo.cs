// HTTP API tests over the ClassLogger sample.
