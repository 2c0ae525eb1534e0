/** Word lists the seeder draws realistic-looking names from. */

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Lucas', 'Mia', 'Mateo', 'Chloé', 'Hugo',
  'Amelia', 'Levi', 'Harper', 'Ethan', 'Zoë', 'Jack', 'Aria', 'Owen', 'Léa', 'Gabriel', 'Nora', 'Samuel',
];

export const LAST_NAMES = [
  'Smith', 'Tremblay', 'Garcia', 'Nguyen', 'Martin', 'Roy', 'Brown', 'Gagnon', 'Wilson', 'Côté', 'Lee',
  'Bouchard', "O'Brien", 'Taylor', 'Gauthier', 'Anderson', 'Morin', 'Thomas', 'Lavoie', 'Walker', 'Kim',
];

export const ITEM_ADJECTIVES = [
  'Classic', 'Trail', 'Urban', 'Vintage', 'Deluxe', 'Compact', 'Alpine', 'Coastal', 'Rugged', 'Everyday',
  'Premium', 'Eco', 'Retro', 'Studio', 'Pro', 'Lightweight', 'Waterproof', 'Organic', 'Heritage', 'Nordic',
];

export const ITEM_NOUNS = [
  'Backpack', 'Running Shoe', 'Water Bottle', 'Rain Jacket', 'Helmet', 'Headlamp', 'Wool Socks', 'Tent',
  'Sleeping Bag', 'Coffee Mug', 'Notebook', 'Sunglasses', 'Bike Light', 'Yoga Mat', 'Beanie', 'Gloves',
  'T-Shirt', 'Hoodie', 'Camp Stove', 'Travel Pillow', 'Duffel Bag', 'Fleece Vest', 'Trekking Pole',
];

export const COLORS = ['Black', 'Blue', 'Red', 'Green', 'Grey', 'Orange', 'White', 'Navy', 'Olive'];

export const TOP_CATEGORIES = ['Apparel', 'Footwear', 'Accessories', 'Camping', 'Cycling', 'Home & Kitchen'];

export const SUB_CATEGORIES = ['Jackets', 'Trail Shoes', 'Bags', 'Tents', 'Lights', 'Mugs', 'Socks', 'Hats'];

export const MANUFACTURERS = [
  'Northwind', 'Summit Gear', 'Blue Ridge', 'Polar Works', 'Riverstone', 'Cascade Labs', 'Ironpeak',
  'Maple & Co', 'Lumen', 'Fjord Outfitters', 'Granite Goods', 'Wildflower',
];

export const VENDOR_WORDS = ['Acme', 'Pioneer', 'Evergreen', 'Harbor', 'Keystone', 'Frontier', 'Silverline', 'Atlas'];

export const CITIES: Array<[string, string, string]> = [
  ['Montréal', 'Quebec', 'QC'], ['Toronto', 'Ontario', 'ON'], ['Vancouver', 'British Columbia', 'BC'],
  ['Boston', 'Massachusetts', 'MA'], ['Portland', 'Oregon', 'OR'], ['Austin', 'Texas', 'TX'],
];

export const STREETS = ['Main St', 'Rue Saint-Denis', 'Oak Ave', 'Harbour Rd', 'King St W', 'Maple Dr'];
