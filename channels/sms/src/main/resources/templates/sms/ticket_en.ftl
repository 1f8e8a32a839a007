<#-- ASK/COMPLAIN: acknowledged with the number; STATUS: state and the officer's answer -->
<#assign what = (a.kind() == "COMPLAIN")?then("Complaint", "Question")>
<#if q?? && q.intent() == "STATUS">
${what} ${a.number()}: ${f.state(a.state())}<#if a.answer()?has_content>. Answer: ${a.answer()}</#if>
<#else>
${what} received, number ${a.number()}. We will text you the answer; send STATUS ${a.number()} to check.
</#if>
