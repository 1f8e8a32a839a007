<#-- Nothing matched: the nearest thing offered, or how to ask, always with the HELP hint -->
<#if a.intent() == "REGISTER">
<#if a.input()?has_content>No place "${a.input()}" found. </#if>Send: REG village name or 12-digit code.
<#elseif a.intent() == "STATUS">
<#if a.input()?has_content>No ticket "${a.input()}" found. Send: STATUS number.<#else>You have no questions or complaints yet. Send ASK and your question.</#if>
<#elseif (a.intent() == "ASK" || a.intent() == "COMPLAIN") && !a.input()?has_content>
Write your text after the keyword, e.g. "${f.keyword(a.intent())} my maize leaves turn yellow".
<#elseif a.suggestion()??>
Did you mean: ${f.keyword(a.suggestedIntent()!a.intent())} ${f.name(a.suggestion().name())}? Reply HELP for the menu.
<#elseif a.input()?has_content>
Nothing found for "${a.input()}". Reply HELP for the menu.
<#else>
Add a product after the keyword, e.g. "${f.keyword(a.intent())} MAIZE". Reply HELP for the menu.
</#if>
