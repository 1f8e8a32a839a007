<#-- "unavailable": the hub is busy or a part is down; anything else: the request could not be done -->
<#if a.reason() == "unavailable" || a.reason() == "no-sender">
Sorry, the service is busy. Please try again later.
<#elseif a.reason() == "bad-report">
Price report format: REPORT MAIZE WUHAN 1.25 (commodity, market, price).
<#elseif a.reason() == "not-a-reporter">
This number is not a registered price reporter: price not taken. Please contact the county office.
<#else>
Sorry, that could not be done. Please check and resend, or reply HELP.
</#if>
