package cn.szcg.gis.demo;

import java.util.List;

/**
 * Demo gazetteer of Minqing County (闽清县, 350124): the 16 townships with approximate seat
 * coordinates (WGS84) and the departments and utilities that own or maintain components.
 *
 * <p>Township codes follow the statistical code convention (1xx towns 镇, 2xx townships 乡); seat
 * coordinates are approximations good enough for demo maps. Neither is an official source: load the
 * county's surveyed boundaries and the official codes (国家统计局 统计用区划代码) for production.
 */
public final class MinqingGazetteer {

  private MinqingGazetteer() {}

  public static final String COUNTY_CODE = "350124";
  public static final String COUNTY_NAME = "闽清县";

  /** A township (乡镇) with its seat (驻地). */
  public record Township(String code, String name, double seatLon, double seatLat) {}

  /** The 16 townships; 梅城镇 is the county seat (县城). */
  public static final List<Township> TOWNSHIPS =
      List.of(
          new Township("350124100", "梅城镇", 118.862, 26.221),
          new Township("350124101", "梅溪镇", 118.835, 26.188),
          new Township("350124102", "白樟镇", 118.960, 26.172),
          new Township("350124103", "金沙镇", 119.030, 26.250),
          new Township("350124104", "白中镇", 118.930, 26.330),
          new Township("350124105", "池园镇", 118.720, 26.280),
          new Township("350124106", "坂东镇", 118.750, 26.150),
          new Township("350124107", "塔庄镇", 118.620, 26.070),
          new Township("350124108", "省璜镇", 118.420, 26.180),
          new Township("350124109", "雄江镇", 118.820, 26.420),
          new Township("350124110", "东桥镇", 118.980, 26.400),
          new Township("350124200", "云龙乡", 118.900, 26.080),
          new Township("350124201", "上莲乡", 118.580, 26.300),
          new Township("350124202", "三溪乡", 118.720, 26.020),
          new Township("350124203", "桔林乡", 118.520, 26.140),
          new Township("350124204", "下祝乡", 118.470, 26.020));

  /**
   * A simplified convex outline of the county (counter-clockwise, open ring) that contains every
   * township seat; townships are Voronoi cells of their seats inside it.
   */
  public static final List<double[]> COUNTY_OUTLINE =
      List.of(
          new double[] {118.45, 25.95},
          new double[] {118.75, 25.94},
          new double[] {119.08, 26.08},
          new double[] {119.12, 26.30},
          new double[] {118.98, 26.50},
          new double[] {118.70, 26.52},
          new double[] {118.38, 26.30},
          new double[] {118.36, 26.10});

  // Departments (主管部门) and owners / maintainers (权属单位 / 养护单位).
  public static final String HOUSING = "县住房和城乡建设局";
  public static final String TRANSPORT = "县交通运输局";
  public static final String CITY_MANAGEMENT = "县城市管理局";
  public static final String SANITATION = "县城市管理局（环卫）";
  public static final String WATER_RESOURCES = "县水利局";
  public static final String WATER_COMPANY = "闽清县自来水公司";
  public static final String POWER_COMPANY = "国网闽清县供电公司";
  public static final String TELECOM = "中国电信闽清分公司";
  public static final String MOBILE = "中国移动闽清分公司";
  public static final String UNICOM = "中国联通闽清分公司";
  public static final String CABLE_TV = "福建广电网络闽清分公司";
  public static final String GAS_COMPANY = "闽清县燃气公司";
  public static final String POST = "中国邮政闽清县分公司";
  public static final String GARDENS = "县园林中心";
  public static final String FORESTRY = "县林业局";
  public static final String TRAFFIC_POLICE = "县公安局交警大队";
  public static final String POLICE = "县公安局";
  public static final String CIVIL_AFFAIRS = "县民政局";
  public static final String NATURAL_RESOURCES = "县自然资源局";
  public static final String CIVIL_AIR_DEFENCE = "县人防办";
  public static final String EMERGENCY = "县应急管理局";
  public static final String ECOLOGY = "县生态环境局";
  public static final String SHOPS = "沿街商户";
  public static final String BUILDER = "建设单位";
  public static final String UNKNOWN_OWNER = "权属待查";

  /** The three telecom operators. */
  public static final List<String> TELECOM_OPERATORS = List.of(TELECOM, MOBILE, UNICOM);

  /** Township government (乡镇人民政府) of a township name, e.g. 梅城镇人民政府. */
  public static String townshipGovernment(String townshipName) {
    return townshipName + "人民政府";
  }

  static final List<String> URBAN_COMMUNITY_NAMES =
      List.of(
          "东门", "西门", "南门", "北门", "台山", "新街", "宏港", "解放", "梅峰", "六都", "溪滨", "城南", "城北", "江滨", "丁厝",
          "上坂", "后山", "清风", "凤凰", "文笔");

  static final List<String> VILLAGE_NAMES =
      List.of(
          "溪口", "坂头", "后垅", "前洋", "上坪", "下洋", "岭头", "洋中", "东山", "西岭", "南洋", "北坑", "坑头", "湖头", "茶园",
          "竹林", "石门", "新厝", "桥头", "山兜", "长坑", "洋坪", "田中", "林坂");
}
