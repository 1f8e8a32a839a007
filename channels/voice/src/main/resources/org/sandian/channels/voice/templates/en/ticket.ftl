Your question is recorded. Its number is ${d(number)}. We will send the number by SMS and tell you when an expert answers.
