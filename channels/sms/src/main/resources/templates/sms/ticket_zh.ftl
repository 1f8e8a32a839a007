<#-- ASK/COMPLAIN: acknowledged with the number; STATUS: state and the officer's answer -->
<#assign what = (a.kind() == "COMPLAIN")?then("投诉", "咨询")>
<#if q?? && q.intent() == "STATUS">
${what}${a.number()}：${f.state(a.state())}<#if a.answer()?has_content>。答复：${a.answer()}</#if>
<#else>
您的${what}已受理，编号${a.number()}。答复后短信通知您，发"查询 ${a.number()}"看进度。
</#if>
