<#if action == "SUBSCRIBE">已为您订阅${name}价格短信提醒。<#else>已办理。</#if>
