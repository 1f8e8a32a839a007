Sorry, we cannot do that right now. Please try again later.
