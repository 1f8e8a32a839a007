<#-- "unavailable": the hub is busy or a part is down; anything else: the request could not be done -->
<#if a.reason() == "unavailable" || a.reason() == "no-sender">
Sorry, the service is busy. Please try again later.
<#else>
Sorry, that could not be done. Please check and resend, or reply HELP.
</#if>
