Too many messages. Please wait a few minutes and try again.
