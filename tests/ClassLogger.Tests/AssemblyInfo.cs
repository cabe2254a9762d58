// Tests of the ClassLogger sample host.
