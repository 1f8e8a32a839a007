<#-- Nothing matched: the nearest thing offered, or how to ask, always with the HELP hint -->
<#if a.intent() == "REGISTER">
<#if a.input()?has_content>没有找到地名"${a.input()}"。</#if>请发：注册 村名或12位区划代码。
<#elseif a.intent() == "STATUS">
<#if a.input()?has_content>没有找到编号"${a.input()}"。请发：查询 编号。<#else>您还没有咨询或投诉记录。发"问 您的问题"咨询农技员。</#if>
<#elseif (a.intent() == "ASK" || a.intent() == "COMPLAIN") && !a.input()?has_content>
请在关键词后写内容，如"${f.keyword(a.intent())} 玉米叶子发黄怎么办"。
<#elseif a.suggestion()??>
您是不是要查：${f.keyword(a.suggestedIntent()!a.intent())} ${f.name(a.suggestion().name())}？回复"帮助"看菜单。
<#elseif a.input()?has_content>
没有找到"${a.input()}"。回复"帮助"看菜单。
<#else>
请在关键词后写品种，如"${f.keyword(a.intent())} 玉米"。回复"帮助"看菜单。
</#if>
