You chose SMS price alerts for ${name}.
