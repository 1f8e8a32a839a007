Your spoken question is recorded as number ${number}. We will text you when an expert answers. Reply "STATUS ${number}" to check.
