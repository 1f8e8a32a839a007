<#-- "unavailable": the hub is busy or a part is down; anything else: the request could not be done -->
<#if a.reason() == "unavailable" || a.reason() == "no-sender">
系统繁忙，请稍后再试。
<#else>
无法办理，请检查后重发。回复"帮助"看菜单。
</#if>
