Reply MORE for next page
