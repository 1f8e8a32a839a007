No more pages. Reply HELP for the menu.
