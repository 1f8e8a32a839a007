<#-- "unavailable": the hub is busy or a part is down; anything else: the request could not be done -->
<#if a.reason() == "unavailable" || a.reason() == "no-sender">
系统繁忙，请稍后再试。
<#elseif a.reason() == "bad-report">
报价格式：报价 玉米 武汉 1.25（品种 市场 元/单位）。
<#elseif a.reason() == "not-a-reporter">
本号码未登记为报价员，报价未收。请联系县农业农村局。
<#else>
无法办理，请检查后重发。回复"帮助"看菜单。
</#if>
