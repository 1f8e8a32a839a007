Send: PRICE MAIZE, TIP RICE, NEWS, SUB PRICE MAIZE, REG village, ASK question, COMPLAIN text, STATUS number, LANG ZH, STOP to unsubscribe.
