Hello, this is the Sandian farm information line with the answer to your question number ${d(number)}. ${answer}
