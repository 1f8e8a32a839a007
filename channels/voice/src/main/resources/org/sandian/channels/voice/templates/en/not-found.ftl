<#if input?has_content>No product has the code ${d(input)}.<#else>That product was not found.</#if>
