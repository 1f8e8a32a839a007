<#if input?has_content>没有找到代码${d(input)}对应的品种。<#else>没有找到这个品种。</#if>
