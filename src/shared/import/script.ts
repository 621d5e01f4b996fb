import type { Script } from '../doc/model'
import { countScript } from '../convert/script'

/**
 * Simplified/traditional pairs of frequent characters in work reports (position i of one string
 * pairs with position i of the other). The encoding detector counts them as common characters
 * when it judges how plausible a decoding is.
 */
export const SIMPLIFIED_CHARS =
  '这们来为国发过说时种么学动产义当开从两体机点现实业会进关还与应样经头问题将无变间东车亲华书历长门见电话处专对导师区强统几万总岁报场质际节员农术数议习乡县务单级条层医虽听紧乐归传响设计划组织领费项阶个协认识证该调让请谈论讲读写记语词转军队战胜复杂简广厂仅价优众创围园图圆团坚块垒坏执扩扬护拥择据损换检标权桥梦欢殴气汉汤沟没沪泪济浅测浏满滚灭灯灵灾烂热爱猎环画畅疗痒监盖盘矿码础确礼祸积称稳穷窃竞笔筑签类粮纠红约纪纬纯纲纳纵纷纸纹纺线练细终绍结绕绘给络绝继绩绪续维综绿缓编缘网罗罚罢职联聪肃肤肾肿胆脑脚脱脸腊艺芦苏苹范茎荐荣药莱获营萧萨蓝虑虾蚀蛮蜡衅补袄装观规视览觉触誉订讨训讯许访评诉译试诗诚诞询详误诸课谁谊谋谓谢谣谨谱贝负贡财责贤败账货贩贪贫购贯贴贵贺贷贸资赏赔赖赛赞赠赶趋跃践踪轨轮软轰轻载较辅辆辈辉输辖辞辩边达迁迈运远违连迟选逊递逻遗邓邮邻郑释鉴针钟钢钱铁铜铝银链销锁锅锋错锡锦键镇镜闪闭闯闲闷闸闹闻阀阁阅阳阴阵陆陈险随隐难雏雾静韩页顶顺须顽顾顿预频颗颜额风飞饥饭饮饰饱饲馆驱驳驶驻驾验骂骄骑骗骤鱼鲁鲜鸟鸡鸣鸭麦黄齐齿龙'
export const TRADITIONAL_CHARS =
  '這們來為國發過說時種麼學動產義當開從兩體機點現實業會進關還與應樣經頭問題將無變間東車親華書歷長門見電話處專對導師區強統幾萬總歲報場質際節員農術數議習鄉縣務單級條層醫雖聽緊樂歸傳響設計劃組織領費項階個協認識證該調讓請談論講讀寫記語詞轉軍隊戰勝複雜簡廣廠僅價優眾創圍園圖圓團堅塊壘壞執擴揚護擁擇據損換檢標權橋夢歡毆氣漢湯溝沒滬淚濟淺測瀏滿滾滅燈靈災爛熱愛獵環畫暢療癢監蓋盤礦碼礎確禮禍積稱穩窮竊競筆築簽類糧糾紅約紀緯純綱納縱紛紙紋紡線練細終紹結繞繪給絡絕繼績緒續維綜綠緩編緣網羅罰罷職聯聰肅膚腎腫膽腦腳脫臉臘藝蘆蘇蘋範莖薦榮藥萊獲營蕭薩藍慮蝦蝕蠻蠟釁補襖裝觀規視覽覺觸譽訂討訓訊許訪評訴譯試詩誠誕詢詳誤諸課誰誼謀謂謝謠謹譜貝負貢財責賢敗賬貨販貪貧購貫貼貴賀貸貿資賞賠賴賽贊贈趕趨躍踐蹤軌輪軟轟輕載較輔輛輩輝輸轄辭辯邊達遷邁運遠違連遲選遜遞邏遺鄧郵鄰鄭釋鑒針鐘鋼錢鐵銅鋁銀鏈銷鎖鍋鋒錯錫錦鍵鎮鏡閃閉闖閒悶閘鬧聞閥閣閱陽陰陣陸陳險隨隱難雛霧靜韓頁頂順須頑顧頓預頻顆顏額風飛飢飯飲飾飽飼館驅駁駛駐駕驗罵驕騎騙驟魚魯鮮鳥雞鳴鴨麥黃齊齒龍'

/**
 * Which script an imported text is in, counted with the same OpenCC-based classification the
 * mixed-script check uses (src/shared/convert/script.ts), so import and checks never disagree.
 * Traditional only when traditional-only characters clearly outnumber simplified-only ones:
 * a few stray forms in a simplified page do not make it traditional.
 */
export function detectScript(text: string): Script {
  const { simplified, traditional } = countScript(text)
  return traditional > simplified * 1.5 && traditional >= 3 ? 'traditional' : 'simplified'
}
