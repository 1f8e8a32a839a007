<#-- An action took effect. A repeated STOP ("already-stopped") is not confirmed again: the dialogue sends nothing. -->
<#assign words = q?? ?then(f.withoutTopic(q.terms()), "")>
<#switch a.action()>
<#case "SUBSCRIBE">
Subscribed to ${f.topic(a.subject()!"")}<#if words?has_content>: ${words}</#if>. Reply STOP to unsubscribe.
<#break>
<#case "UNSUBSCRIBE">
You are unsubscribed and will get no more messages from us. Reply SUB NEWS or similar to come back.
<#break>
<#case "REGISTER">
Registered<#if words?has_content>: ${words}</#if>. Send PRICE MAIZE for prices near you.
<#break>
<#case "LANGUAGE">
OK, replies will now be in English.
<#break>
<#case "REPORT">
Price received: ${a.subject()!words}. It is published once reviewed.
<#break>
<#default>
Done.
</#switch>
