// Chinese surnames: the 百家姓 single surnames plus common modern ones, and compound surnames.
// Used to validate person names; never a list of known people.

const SINGLE =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
  '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
  '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭' +
  '梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
  '程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫' +
  '宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双' +
  '闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容' +
  '向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空' +
  '曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦归海岳帅缑亢况郈有琴商牟佘佴伯赏' +
  '墨哈谯笪年爱阳佟言福覃邝揭仝兰栗练付肖谌侍区粟银旷郎阿蹇楼冼邸禤腾檀晏虎卿唐麦朗植';

const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '轩辕',
  '呼延',
  '南宫',
  '西门',
  '百里',
  '独孤',
  '万俟',
  '闻人',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '淳于',
  '单于',
  '太叔',
  '申屠',
  '钟离',
  '仲孙',
  '赫连',
  '第五',
  '东郭',
  '拓跋',
  '司空',
  '左丘',
  '梁丘',
  '谷梁',
  '漆雕',
  '乐正',
  '壤驷',
  '公良',
  '巫马',
  '颛孙',
  '亓官',
  '段干',
  '司寇',
  '子车',
  '微生',
  '羊舌',
  '呼延',
  '公西',
  '公羊',
];

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(SINGLE);
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(COMPOUND);

/** Length of the surname at the start of s (2 for compound, 1 for single), or 0. */
export function surnameLength(s: string): number {
  if (s.length >= 3 && COMPOUND_SURNAMES.has(s.slice(0, 2))) return 2;
  return s.length >= 2 && SINGLE_SURNAMES.has(s[0] ?? '') ? 1 : 0;
}
