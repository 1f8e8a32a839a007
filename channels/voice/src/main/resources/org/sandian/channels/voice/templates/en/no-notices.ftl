There are no notices for your area at the moment.
