/** The fictional employers on the sandbox board; any likeness to a real company is accidental. */
export interface Company {
  name: string;
  /** One line, shown on the posting and the job list. */
  about: string;
  founded: number;
  employees: number;
}

export const COMPANIES: readonly Company[] = [
  { name: 'Northwind Labs', about: 'Northwind Labs builds the remote build cache that 4,000 engineering teams rely on to ship faster.', founded: 2017, employees: 220 },
  { name: 'Acme Analytics', about: 'Acme Analytics turns messy store data into forecasts that independent retailers actually read.', founded: 2015, employees: 340 },
  { name: 'Blue Harbor', about: 'Blue Harbor runs the scheduling software behind container terminals in fourteen ports.', founded: 2012, employees: 510 },
  { name: 'Cobalt Systems', about: 'Cobalt Systems makes observability affordable for mid-sized SaaS companies.', founded: 2019, employees: 130 },
  { name: 'Driftwood AI', about: 'Driftwood AI helps support teams answer tickets with assistants grounded in their own documentation.', founded: 2021, employees: 75 },
  { name: 'Evergreen Health', about: 'Evergreen Health is a virtual-first primary care provider serving 600,000 members.', founded: 2016, employees: 1200 },
  { name: 'Fjord Finance', about: 'Fjord Finance offers business accounts and spend management to Nordic startups.', founded: 2018, employees: 290 },
  { name: 'Granite Robotics', about: 'Granite Robotics builds autonomous forklifts that work alongside people in busy warehouses.', founded: 2016, employees: 400 },
  { name: 'Helix Bio', about: 'Helix Bio speeds up protein design by pairing lab automation with machine learning.', founded: 2020, employees: 160 },
  { name: 'Ionic Energy', about: 'Ionic Energy links thousands of home batteries into a virtual power plant.', founded: 2019, employees: 210 },
  { name: 'Juniper Freight', about: 'Juniper Freight is a marketplace that matches shippers with independent truck drivers.', founded: 2017, employees: 380 },
  { name: 'Kestrel Games', about: 'Kestrel Games makes cosy multiplayer games played by nine million people a month.', founded: 2014, employees: 260 },
  { name: 'Lumen Retail', about: 'Lumen Retail powers checkout and stock-keeping for 2,000 independent shops.', founded: 2013, employees: 450 },
  { name: 'Meridian Travel', about: 'Meridian Travel books business trips through a policy engine that finance teams trust.', founded: 2015, employees: 330 },
  { name: 'Nimbus Cloud', about: 'Nimbus Cloud is a developer-first hosting platform for containers and managed databases.', founded: 2018, employees: 190 },
  { name: 'Orchid Media', about: 'Orchid Media publishes local news in forty towns and runs its own advertising platform.', founded: 2011, employees: 600 },
  { name: 'Pinecrest Insurance', about: 'Pinecrest is a digital insurer for renters and small landlords.', founded: 2017, employees: 310 },
  { name: 'Quarry Security', about: 'Quarry Security detects account takeover attempts for consumer apps in real time.', founded: 2020, employees: 95 },
  { name: 'Riverbend Education', about: 'Riverbend builds adaptive maths practice used in 8,000 schools.', founded: 2014, employees: 240 },
  { name: 'Saltmarsh Foods', about: 'Saltmarsh delivers weekly meal kits sourced from regional farms.', founded: 2016, employees: 700 },
  { name: 'Tessellate', about: 'Tessellate is a collaborative whiteboard for engineering design reviews.', founded: 2021, employees: 60 },
  { name: 'Umbra Payments', about: 'Umbra Payments handles cross-border payouts for online marketplaces.', founded: 2018, employees: 420 },
  { name: 'Vantage Mobility', about: 'Vantage Mobility operates shared e-bike fleets in thirty European cities.', founded: 2019, employees: 550 },
  { name: 'Willow Legal', about: 'Willow Legal automates first-pass contract review for in-house legal teams.', founded: 2020, employees: 110 },
  { name: 'Brightfield Agritech', about: 'Brightfield turns satellite imagery into field-by-field advice for farmers.', founded: 2017, employees: 150 },
  { name: 'Yonder Maps', about: 'Yonder Maps provides offline maps and routing SDKs for outdoor apps.', founded: 2013, employees: 85 },
  { name: 'Zephyr Telecom', about: 'Zephyr Telecom runs a mobile network built for millions of connected devices.', founded: 2012, employees: 900 },
  { name: 'Atlas Civic', about: 'Atlas Civic builds permit and licensing software for city governments.', founded: 2015, employees: 170 },
  { name: 'Copperline Audio', about: 'Copperline is a podcast hosting and analytics platform for independent creators.', founded: 2016, employees: 140 },
  { name: 'Halcyon HR', about: 'Halcyon is payroll and HR software for companies with 10 to 500 employees.', founded: 2014, employees: 480 },
];
