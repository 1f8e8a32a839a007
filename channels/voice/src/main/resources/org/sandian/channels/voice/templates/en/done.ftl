<#if action == "SUBSCRIBE">You are now subscribed to SMS price alerts for ${name}.<#else>Done.</#if>
