<#-- An action took effect. A repeated TD ("already-stopped") is not confirmed again: the dialogue sends nothing. -->
<#assign words = q?? ?then(f.withoutTopic(q.terms()), "")>
<#switch a.action()>
<#case "SUBSCRIBE">
已订阅${f.topic(a.subject()!"")}<#if words?has_content>：${words}</#if>。回复TD退订。
<#break>
<#case "UNSUBSCRIBE">
已退订，本平台不再向您发送短信。如需恢复，回复"订阅 政策"等。
<#break>
<#case "REGISTER">
已登记<#if words?has_content>：${words}</#if>。发"价格 玉米"查附近市场价格。
<#break>
<#case "LANGUAGE">
好的，以后用中文回复您。
<#break>
<#case "REPORT">
报价已收到：${a.subject()!words}，审核后发布。
<#break>
<#default>
已办理。
</#switch>
