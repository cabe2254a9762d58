// ClassBooking HTTP API.
